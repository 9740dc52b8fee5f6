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
}
