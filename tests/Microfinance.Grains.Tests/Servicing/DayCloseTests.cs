using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Servicing;

/// <summary>Day-close (日终) over months of a village's loans: aging, tallies at every level, the lending stop.</summary>
[Collection(DayCloseCollection.Name)]
public sealed class DayCloseTests(ClusterFixture fixture)
{
    private static readonly InterestRate Rate = new(435);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly Today => fixture.Today;

    [Fact]
    public async Task ADayWithoutEventsVisitsNoLoan()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await DisburseAsync(branch, Money.FromYuan(10_000m));
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        fixture.MoveTo(Today.AddDays(2));

        var closed = await books.CloseThroughAsync(Today.AddDays(-1));

        Assert.Equal(0, closed.LoansVisited);
        Assert.Equal(Today.AddDays(-1), closed.LastClosed);
    }

    [Fact]
    public async Task AgingTalliesAndTheLendingStopFollowTheLoansThroughTheSeasons()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var start = Today;
        var unpaid = await DisburseAsync(branch, Money.FromYuan(20_000m));
        var paying = await DisburseAsync(branch, Money.FromYuan(30_000m));
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        var firstDue = start.AddMonths(3);
        var secondDue = start.AddMonths(6);

        // The paying household pays each quarter's interest on its due date; the other pays nothing.
        fixture.MoveTo(firstDue);
        await PayInterestAsync(paying, firstDue, "q1");
        fixture.MoveTo(firstDue.AddDays(34));
        var summer = await books.CloseThroughAsync(firstDue.AddDays(33));

        Assert.Equal(Money.FromYuan(20_000m), summer.Tallies["county"].Principal[OverdueBucket.Days31To60]);
        Assert.Equal(Money.FromYuan(30_000m), summer.Tallies["county"].Principal[OverdueBucket.Current]);
        Assert.Equal(Money.FromYuan(20_000m), summer.Tallies[$"village:{branch.Village.Value}"].Overdue);
        Assert.Equal(Money.FromYuan(20_000m), summer.Tallies[$"township:{branch.Township.Value}"].Overdue);
        Assert.Equal(40m, summer.Tallies[$"bank:{LendingBranch.BankCode}"].OverdueRatioPercent);
        Assert.Equal(0m, summer.Tallies["county"].NplRatioPercent);

        fixture.MoveTo(secondDue);
        await PayInterestAsync(paying, secondDue, "q2");
        fixture.MoveTo(firstDue.AddDays(92));
        var autumn = await books.CloseThroughAsync(firstDue.AddDays(91));
        var terms = await Grains.GetGrain<ICountyPolicyGrain>(branch.County.Value).GetLendingTermsAsync(Today);

        // 91 days past due: non-performing; 20,000 of 50,000 = 40% ≥ the 3% tolerance stops lending.
        Assert.Equal(40m, autumn.Tallies["county"].NplRatioPercent);
        Assert.True(terms.LendingStopped);
        Assert.Equal(
            [OverdueBucket.Days1To30, OverdueBucket.Days31To60, OverdueBucket.Days61To90, OverdueBucket.Over90],
            (await unpaid.GetAsync()).History.Where(e => e.Actor == "日终").Select(e => Enum.Parse<OverdueBucket>(e.Note.Split(": ")[1])));
        var newcomer = await branch.NewHouseholdAsync();
        var stop = await Assert.ThrowsAsync<RuleViolationException>(() => branch.ReviewedLoanAsync(newcomer, Money.FromYuan(5_000m)));
        Assert.Equal("COUNTY_LENDING_STOPPED", stop.Reason);

        // The defaulter repays everything; the next close finds no bad loan and lending resumes.
        var owed = (await unpaid.GetAsync()).Balance!;
        await unpaid.RecordRepaymentAsync(Today, owed.Principal + owed.InterestDueOn(Rate, Today), "信贷员", "settle");
        var settledOn = Today;
        fixture.MoveTo(settledOn.AddDays(1));
        var winter = await books.CloseThroughAsync(settledOn);

        Assert.Equal(0m, winter.Tallies["county"].NplRatioPercent);
        Assert.Equal(Money.FromYuan(30_000m), winter.Tallies["county"].Outstanding);
        Assert.False((await Grains.GetGrain<ICountyPolicyGrain>(branch.County.Value).GetLendingTermsAsync(Today)).LendingStopped);
    }

    [Fact]
    public async Task AHouseholdWithALoanOverNinetyDaysPastDueMayNotBorrowUntilItIsCured()
    {
        // 1,000 going bad beside 50,000 repaid at maturity: an NPL ratio of 1.96%, below the 3%
        // at which the whole county would stop lending.
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        var loan = await branch.ReviewedLoanAsync(household, Money.FromYuan(1_000m), termMonths: 12);
        await loan.ApproveAsync(Rate, "信贷员", "approve");
        await loan.RecordDisbursementAsync(Today, "信贷员", "disburse");
        var performing = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Money.FromYuan(50_000m), termMonths: 12);
        await performing.ApproveAsync(Rate, "信贷员", "approve", new RepaymentTerms(InterestFrequency.AtMaturity, PrincipalRepayment.AtMaturity));
        await performing.RecordDisbursementAsync(Today, "信贷员", "disburse");
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        var firstDue = Today.AddMonths(3);
        fixture.MoveTo(firstDue.AddDays(92));
        await books.CloseThroughAsync(firstDue.AddDays(91));

        var second = await branch.ReviewedLoanAsync(household, Money.FromYuan(5_000m), termMonths: 12);
        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => second.ApproveAsync(Rate, "信贷员", "approve-second"));
        var whileBad = Assert.Single(await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync(), l => l.LoanId == loan.GetPrimaryKeyString());

        var owed = (await loan.GetAsync()).Balance!.InterestDueOn(Rate, Today);
        await loan.RecordRepaymentAsync(Today, owed, "信贷员", "catch-up");
        fixture.MoveTo(Today.AddDays(1));
        await books.CloseThroughAsync(Today.AddDays(-1));
        var approved = await second.ApproveAsync(Rate, "信贷员", "approve-second-again");

        Assert.Equal("OUTSTANDING_NON_PERFORMING_LOAN", refusal.Reason);
        Assert.True(whileBad.NonPerforming);
        Assert.Equal(LoanStage.Approved, approved.Stage);
    }

    /// <summary>A 12-month loan at 4.35% disbursed today: interest quarterly, principal at maturity.</summary>
    private async Task<ILoanGrain> DisburseAsync(LendingBranch branch, Money amount)
    {
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), amount, termMonths: 12);
        await loan.ApproveAsync(Rate, "信贷员", "approve");
        await loan.RecordDisbursementAsync(Today, "信贷员", "disburse");
        return loan;
    }

    private static async Task PayInterestAsync(ILoanGrain loan, DateOnly on, string requestId)
    {
        var balance = (await loan.GetAsync()).Balance!;
        await loan.RecordRepaymentAsync(on, balance.InterestDueOn(Rate, on), "信贷员", requestId);
    }
}
