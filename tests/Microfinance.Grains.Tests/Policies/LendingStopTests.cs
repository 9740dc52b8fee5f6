using Microfinance.Abstractions.Policies;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Policies;

/// <summary>Stopping a county's lending by hand.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LendingStopTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AStopInACountyWithoutAPolicyIsRefusedAndNotRecorded()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var policies = Grains.GetGrain<ICountyPolicyGrain>(county.Value);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => policies.SetLendingStopAsync(true, "审计整改", fixture.Today, "县金融办", "stop"));
        await policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县乡村振兴局", "policy");

        Assert.Equal("NO_POLICY_IN_FORCE", refusal.Reason);
        Assert.False((await policies.GetLendingTermsAsync(fixture.Today)).LendingStopped);
        Assert.True((await policies.SetLendingStopAsync(true, "审计整改", fixture.Today, "县金融办", "stop")).LendingStopped);
    }

    [Fact]
    public async Task AStopIdReusedToLiftTheStopIsRefusedAndTheStopStands()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var policies = Grains.GetGrain<ICountyPolicyGrain>(county.Value);
        await policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县乡村振兴局", "policy");
        await policies.SetLendingStopAsync(true, "审计整改", fixture.Today, "县金融办", "stop");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => policies.SetLendingStopAsync(false, "审计整改", fixture.Today, "县金融办", "stop"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.True((await policies.GetLendingTermsAsync(fixture.Today)).LendingStopped);
    }

    [Fact]
    public async Task APolicyIdReusedForAnotherVersionIsRefusedAndTheFirstStands()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var policies = Grains.GetGrain<ICountyPolicyGrain>(county.Value);
        var first = await policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县乡村振兴局", "policy");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => policies.AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2021, 1, 1)), "县乡村振兴局", "policy"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal([first], await policies.ListVersionsAsync());
    }
}
