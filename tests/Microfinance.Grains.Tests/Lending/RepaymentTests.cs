using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Lending;

/// <summary>Repayments reported by the bank: interest first, then principal, freeing the cap and the fund.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RepaymentTests(ClusterFixture fixture)
{
    private static readonly Money Principal = Money.FromYuan(50_000m);
    private static readonly InterestRate Rate = new(475);
    private static readonly DateOnly DisbursedOn = new(2028, 1, 31);

    /// <summary>The branch's business date once its loan is out: after every repayment date the tests report.</summary>
    private static readonly DateOnly AfterTheRepayments = new(2028, 5, 1);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task DisbursementFixesAQuarterlyScheduleWithPrincipalAtMaturity()
    {
        var (_, loan) = await DisbursedLoanAsync();

        var schedule = (await loan.GetAsync()).Schedule!;

        // Due on the 31st or the month's last day (对年对月对日): 30 Apr 2028 … 31 Jan 2031.
        // Interest 593.75 for the first 90 days, then 606.94 for each 92-day quarter
        // (50,000.00 × 4.75% × 92 / 360), 7,230.51 in all; all principal at maturity.
        Assert.Equal(12, schedule.Count);
        Assert.Equal(new DateOnly(2028, 4, 30), schedule[0].DueDate);
        Assert.Equal(new DateOnly(2031, 1, 31), schedule[^1].DueDate);
        Assert.Equal(Money.FromYuan(593.75m), schedule[0].Interest);
        Assert.Equal(Money.FromYuan(606.94m), schedule[1].Interest);
        Assert.Equal(Money.FromYuan(7_230.51m), new Money(schedule.Sum(i => i.Interest.Fen)));
        Assert.Equal(Principal, schedule[^1].Principal);
    }

    [Fact]
    public async Task TheBankMayScheduleMonthlyInterestAndEqualPrincipalInstalments()
    {
        var branch = await BranchOnTheDisbursementDayAsync();
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Money.FromYuan(12_000m), termMonths: 12);
        await loan.ApproveAsync(null, "信贷员", "approve", new RepaymentTerms(InterestFrequency.Monthly, PrincipalRepayment.EqualInstalments));

        var disbursed = await loan.RecordDisbursementAsync(DisbursedOn, "信贷员", "disburse");

        // Twelve monthly due dates from 31 Jan 2028 (29 Feb, 31 Mar, 30 Apr …), 1,000.00 of principal each.
        Assert.Equal(12, disbursed.Schedule!.Count);
        Assert.Equal(new DateOnly(2028, 2, 29), disbursed.Schedule[0].DueDate);
        Assert.All(disbursed.Schedule, instalment => Assert.Equal(Money.FromYuan(1_000m), instalment.Principal));
    }

    [Fact]
    public async Task APaymentPaysTheAccruedInterestFirstThenPrincipal()
    {
        var (branch, loan) = await DisbursedLoanAsync();

        // 50,000.00 × 4.75% × 90 / 360 = 593.75 of interest to 30 Apr 2028; the rest is principal.
        var repaid = await loan.RecordRepaymentAsync(new DateOnly(2028, 4, 30), Money.FromYuan(10_593.75m), "信贷员", "repay-1");

        Assert.Equal(new LoanBalance(Money.FromYuan(40_000m), Money.Zero, new DateOnly(2028, 4, 30), new DateOnly(2028, 4, 30)), repaid.Balance);
        Assert.Equal(Money.FromYuan(40_000m), (await branch.Fund.GetPositionAsync()).Outstanding);
    }

    [Fact]
    public async Task AFullEarlyRepaymentClosesTheLoanAndFreesTheCapAndTheFund()
    {
        var (branch, loan) = await DisbursedLoanAsync();
        var household = (await loan.GetAsync()).Application.Borrower;

        // 50,000.00 × 4.75% × 31 / 360 = 204.51 of interest for 31 Jan – 2 Mar 2028.
        var closed = await loan.RecordRepaymentAsync(new DateOnly(2028, 3, 2), Money.FromYuan(50_204.51m), "信贷员", "repay-all");

        Assert.Equal(LoanStage.Closed, closed.Stage);
        Assert.Equal(Money.Zero, (await branch.Fund.GetPositionAsync()).Outstanding);
        Assert.Equal(Money.Zero, Assert.Single(await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync()).Committed);
        var next = await branch.ReviewedLoanAsync(household, Principal);
        Assert.Equal(LoanStage.Approved, (await next.ApproveAsync(null, "信贷员", "approve")).Stage);
    }

    [Fact]
    public async Task PayingMoreThanIsOwedIsRefusedAndChangesNothing()
    {
        var (branch, loan) = await DisbursedLoanAsync();

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.RecordRepaymentAsync(new DateOnly(2028, 3, 2), Money.FromYuan(50_204.52m), "信贷员", "overpay"));

        Assert.Equal("OVERPAYMENT", error.Reason);
        Assert.Equal(LoanBalance.Disbursed(Principal, DisbursedOn), (await loan.GetAsync()).Balance);
        Assert.Equal(Principal, (await branch.Fund.GetPositionAsync()).Outstanding);
    }

    [Fact]
    public async Task AReplayedRepaymentIsAppliedOnce()
    {
        var (branch, loan) = await DisbursedLoanAsync();
        await loan.RecordRepaymentAsync(new DateOnly(2028, 4, 30), Money.FromYuan(10_593.75m), "信贷员", "repay-1");

        var replayed = await loan.RecordRepaymentAsync(new DateOnly(2028, 4, 30), Money.FromYuan(10_593.75m), "信贷员", "repay-1");

        Assert.Single(replayed.Repayments!);
        Assert.Equal(Money.FromYuan(40_000m), (await branch.Fund.GetPositionAsync()).Outstanding);
    }

    [Fact]
    public async Task ARepaymentDatedAfterTodayIsRefused()
    {
        var (_, loan) = await DisbursedLoanAsync();
        var tomorrow = AfterTheRepayments.AddDays(1);

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.RecordRepaymentAsync(tomorrow, Money.FromYuan(100m), "信贷员", "repay-tomorrow"));

        Assert.Equal("DATE_IN_FUTURE", error.Reason);
    }

    [Fact]
    public async Task AnUndisbursedLoanCannotBeRepaid()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Principal);

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.RecordRepaymentAsync(new DateOnly(2028, 3, 2), Money.FromYuan(100m), "信贷员", "repay"));

        Assert.Equal("LOAN_STAGE_INVALID", error.Reason);
    }

    /// <summary>
    /// A 50,000 loan at the 36-month benchmark rate (4.75%), approved and disbursed on 31 Jan 2028
    /// (a leap year, as 2024 was) in a county whose practice date then moves past the repayments.
    /// </summary>
    private async Task<(LendingBranch Branch, ILoanGrain Loan)> DisbursedLoanAsync()
    {
        var branch = await BranchOnTheDisbursementDayAsync();
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Principal, termMonths: 36);
        await loan.ApproveAsync(Rate, "信贷员", "approve");
        await loan.RecordDisbursementAsync(DisbursedOn, "信贷员", "disburse");
        await fixture.MoveCountyToAsync(branch.County, AfterTheRepayments);
        return (branch, loan);
    }

    /// <summary>A branch whose county's business date is <see cref="DisbursedOn"/>, on the practice clock.</summary>
    private async Task<LendingBranch> BranchOnTheDisbursementDayAsync()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await fixture.MoveCountyToAsync(branch.County, DisbursedOn);
        return branch;
    }

    [Theory]
    [InlineData("2028-04-30", "10593.76")]
    [InlineData("2028-04-29", "10593.75")]
    public async Task ARepaymentIdReusedForAnotherPaymentIsRefusedAndNothingRecorded(string paidOn, string yuan)
    {
        var (branch, loan) = await DisbursedLoanAsync();
        await loan.RecordRepaymentAsync(new DateOnly(2028, 4, 30), Money.FromYuan(10_593.75m), "信贷员", "repay-1");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.RecordRepaymentAsync(DateOnly.Parse(paidOn), Money.FromYuan(decimal.Parse(yuan)), "信贷员", "repay-1"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal([Money.FromYuan(10_593.75m)], (await loan.GetAsync()).Repayments!.Select(repayment => repayment.Amount));
        Assert.Equal(Money.FromYuan(40_000m), (await branch.Fund.GetPositionAsync()).Outstanding);
    }
}
