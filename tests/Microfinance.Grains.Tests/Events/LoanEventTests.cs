using Microfinance.Abstractions.Events;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Events;

/// <summary>What a loan publishes on its county's stream as it moves through its life.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LoanEventTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task EveryStepOfALoanIsPublishedOnceWithWhereTheLoanStands()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, branch.County);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Money.FromYuan(20_000m), termMonths: 12);
        await loan.ApproveAsync(new InterestRate(435), "信贷员", "approve");
        await loan.RecordDisbursementAsync(fixture.Today, "信贷员", "disburse");
        await loan.RecordRepaymentAsync(fixture.Today, Money.FromYuan(5_000m), "柜员", "repay");
        await loan.RecordRepaymentAsync(fixture.Today, Money.FromYuan(1_000m), "柜员", "repay-again");

        // The stream keeps the order events were queued in: once the second repayment is here, a
        // replay's event would have been too.
        await events.WaitForAsync<LoanChanged>(e => e.PrincipalOutstanding == Money.FromYuan(14_000m));
        var repaid = events.All<LoanChanged>().First(e => e.Change == "Repaid");

        Assert.Equal(
            ["Applied", "Reviewed", "Reviewed", "Reviewed", "Approved", "Disbursed", "Repaid", "Repaid"],
            events.All<LoanChanged>().Where(e => e.LoanId == loan.GetPrimaryKeyString()).Select(e => e.Change));
        Assert.Equal((LoanStage.Disbursed, Money.FromYuan(15_000m), OverdueBucket.Current), (repaid.Stage, repaid.PrincipalOutstanding, repaid.Bucket));
        Assert.Equal((branch.Village, branch.Township, LendingBranch.BankCode), (repaid.Village, repaid.Township, repaid.BankCode));
        var applied = events.All<LoanChanged>().First(e => e.Change == "Applied");
        Assert.Equal((LoanStage.Applied, Money.Zero, (OverdueBucket?)null), (applied.Stage, applied.PrincipalOutstanding, applied.Bucket));
    }
}
