using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Regions;

/// <summary>Quota (指标) passed down the hierarchy.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QuotaAllocationTests(ClusterFixture fixture)
{
    private const string Actor = "县乡村振兴局";

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AnAllocationIdReusedForAnotherAmountIsRefusedAndTheFirstAmountStands()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var county = Grains.GetGrain<ICountyGrain>(village.County.Value);
        var province = Grains.GetGrain<IProvinceGrain>(Hierarchy.Province.Value);
        await province.SetAllocationAsync(Money.FromYuan(1_000_000_000_000m), "省乡村振兴局", "test-province-quota");
        await province.AllocateAsync(village.County.Value, Money.FromYuan(15_000_000m), "省乡村振兴局", $"quota-{village.County}");
        await county.AllocateAsync(village.Township.Value, Money.FromYuan(3_000_000m), Actor, "quota-township");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => county.AllocateAsync(village.Township.Value, Money.FromYuan(4_000_000m), Actor, "quota-township"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal(Money.FromYuan(3_000_000m), (await county.GetQuotaAsync()).AllocatedToSubregions);
        Assert.Equal(Money.FromYuan(3_000_000m), (await Grains.GetRegion(village.Township).GetQuotaAsync()).Allocated);
    }
}
