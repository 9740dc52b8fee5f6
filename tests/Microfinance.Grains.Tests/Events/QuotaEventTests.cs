using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Events;

/// <summary>Quota allocations (指标) published on the stream of the county they are made in.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QuotaEventTests(ClusterFixture fixture)
{
    private const string Actor = "县乡村振兴局";

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task EveryAllocationFromTheProvinceDownToAVillageIsPublishedOnTheCountyStream()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var township = village.Township;
        var county = village.County;
        var province = Grains.GetGrain<IProvinceGrain>(Hierarchy.Province.Value);
        await province.SetAllocationAsync(Money.FromYuan(1_000_000_000_000m), "省乡村振兴局", "test-province-quota");
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);

        await province.AllocateAsync(county.Value, Money.FromYuan(15_000_000m), "省乡村振兴局", $"quota-{county}");
        await Grains.GetGrain<ICountyGrain>(county.Value).AllocateAsync(township.Value, Money.FromYuan(3_000_000m), Actor, $"quota-{township}");
        await Grains.GetGrain<ITownshipGrain>(township.Value).AllocateAsync(village.Value, Money.FromYuan(400_000m), Actor, $"quota-{village}");

        await events.WaitForAsync<QuotaAllocated>(e => e.Region == village);
        Assert.Equal(
            [(county, Money.FromYuan(15_000_000m)), (township, Money.FromYuan(3_000_000m)), (village, Money.FromYuan(400_000m))],
            events.All<QuotaAllocated>().Select(e => (e.Region, e.Allocated)));
        Assert.All(events.All<QuotaAllocated>(), e => Assert.Equal(county, e.County));
    }

    [Fact]
    public async Task AReplayedAllocationPublishesNothing()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var province = Grains.GetGrain<IProvinceGrain>(Hierarchy.Province.Value);
        await province.SetAllocationAsync(Money.FromYuan(1_000_000_000_000m), "省乡村振兴局", "test-province-quota");
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);
        await province.AllocateAsync(county.Value, Money.FromYuan(15_000_000m), "省乡村振兴局", $"quota-{county}");

        await province.AllocateAsync(county.Value, Money.FromYuan(15_000_000m), "省乡村振兴局", $"quota-{county}");

        // The replay's event would have been queued before this one's, and the stream keeps that order.
        await province.AllocateAsync(county.Value, Money.FromYuan(18_000_000m), "省乡村振兴局", $"raise-{county}");
        await events.WaitForAsync<QuotaAllocated>(e => e.Allocated == Money.FromYuan(18_000_000m));
        Assert.Equal(
            [Money.FromYuan(15_000_000m), Money.FromYuan(18_000_000m)],
            events.All<QuotaAllocated>().Select(e => e.Allocated));
    }
}
