using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Policies;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Events;

/// <summary>Policy versions and lending stops published on the county's stream.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PolicyEventTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ARecordedPolicyVersionIsPublished()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);
        var policy = CountyPolicy.Default5321(new DateOnly(2026, 1, 1)) with { HouseholdCap = Money.FromYuan(100_000m), Name = "帮扶小额信贷" };

        await Grains.GetGrain<ICountyPolicyGrain>(county.Value).AddVersionAsync(policy, "县乡村振兴局", "policy-2026");

        var recorded = await events.WaitForAsync<PolicyVersionRecorded>();
        Assert.Equal(policy, recorded.Policy);
        Assert.Equal("县乡村振兴局", recorded.Actor);
        Assert.Equal(county, recorded.County);
    }

    [Fact]
    public async Task AReplayedPolicyVersionPublishesNothing()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var policies = Grains.GetGrain<ICountyPolicyGrain>(county.Value);
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);
        await policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县乡村振兴局", "policy-2020");

        await policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县乡村振兴局", "policy-2020");

        // The replay's event would have been queued before this one's, and the stream keeps that order.
        await policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2024, 1, 1)), "县乡村振兴局", "policy-2024");
        await events.WaitForAsync<PolicyVersionRecorded>(e => e.Policy.EffectiveFrom.Year == 2024);
        Assert.Equal([2020, 2024], events.All<PolicyVersionRecorded>().Select(e => e.Policy.EffectiveFrom.Year));
    }

    [Fact]
    public async Task StoppingLendingByHandIsPublishedWithItsReason()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var policies = Grains.GetGrain<ICountyPolicyGrain>(county.Value);
        await policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县乡村振兴局", "policy-2020");
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);

        await policies.SetLendingStopAsync(true, "审计整改", fixture.Today, "县金融办", "stop");

        var stop = await events.WaitForAsync<LendingStopChanged>();
        Assert.False(stop.ForNplRatio);
        Assert.True(stop.Stopped);
        Assert.True(stop.LendingStopped);
        Assert.Equal("审计整改 (by 县金融办)", stop.Reason);
    }
}
