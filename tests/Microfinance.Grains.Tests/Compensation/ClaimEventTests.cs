using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Events;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>What a claim publishes on its county's stream.</summary>
[Collection(CompensationCollection.Name)]
public sealed class ClaimEventTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EveryStepOfAClaimAndItsPayoutIsPublished()
    {
        var branch = await LendingBranch.CreateAsync(fixture.Client, fundBalance: Money.FromYuan(1_000_000m));
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, branch.County);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Money.FromYuan(40_000m));

        await ClaimSteps.CompensatedAsync(fixture, claim);

        var compensated = await events.WaitForAsync<ClaimChanged>(e => e.Action == ClaimAction.Compensated);
        var payout = await events.WaitForAsync<FundEntryPosted>(e => e.Kind == FundEntryKind.CompensationPayout);

        // As in the 70/30 case: a loss of 41,740.00, of which the fund pays 29,218.00.
        Assert.Equal(
            [ClaimAction.Filed, ClaimAction.NoticePosted, ClaimAction.TownshipSignedOff, ClaimAction.Verified, ClaimAction.Approved, ClaimAction.Compensated],
            events.All<ClaimChanged>().Select(e => e.Action));
        Assert.Equal((ClaimStatus.Compensated, Money.FromYuan(41_740m), Money.FromYuan(29_218m)), (compensated.Status, compensated.Loss, compensated.PaidFromFund));
        Assert.Equal((-Money.FromYuan(29_218m), Money.FromYuan(970_782m)), (payout.Amount, payout.BalanceAfter));
        Assert.Contains(events.All<LoanChanged>(), e => e.Change == "Compensated" && e.LoanId == claim.GetPrimaryKeyString());
    }
}
