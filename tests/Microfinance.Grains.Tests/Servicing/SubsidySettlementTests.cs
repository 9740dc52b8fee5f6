using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Servicing;

/// <summary>Monthly interest-subsidy statements per bank (贴息, 一月一结算), prepared from the loans and approved by the county.</summary>
[Collection(DayCloseCollection.Name)]
public sealed class SubsidySettlementTests(ClusterFixture fixture)
{
    private static readonly InterestRate Rate = new(435);
    private static readonly Money Principal = Money.FromYuan(50_000m);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ALoanRepaidOnTimeIsSubsidisedInFullForTheMonth()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await DisburseAsync(branch);
        var month = FirstDayOf(fixture.Today.AddMonths(1));
        fixture.MoveTo(month.AddMonths(1).AddDays(1));

        var statement = await Statement(branch, month).PrepareAsync("信用社", "prepare");

        // 5321: 100% of 50,000.00 × 4.35% × (days in the month) / 360; a 30-day month gives 181.25.
        var line = Assert.Single(statement.Lines);
        Assert.Equal(loan.GetPrimaryKeyString(), line.LoanId);
        Assert.Equal(InterestFor(DaysIn(month)), line.Subsidy);
        Assert.Equal(line.Subsidy, statement.TotalSubsidy);
    }

    [Fact]
    public async Task ALoanNotRepaidOnItsDueDateIsSubsidisedOnlyBeforeIt()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await DisburseAsync(branch);
        var firstDue = fixture.Today.AddMonths(3);
        fixture.MoveTo(firstDue.AddDays(2));
        await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).CloseThroughAsync(firstDue.AddDays(1));
        var month = FirstDayOf(firstDue);
        fixture.MoveTo(month.AddMonths(1).AddDays(1));

        var statement = await Statement(branch, month).PrepareAsync("信用社", "prepare");

        // 未按期还贷的，从到期之日起不予贴息: only the days of the month before the due date count.
        var line = Assert.Single(statement.Lines);
        Assert.Equal(InterestFor(firstDue.Day - 1), line.Subsidy);
        Assert.Equal(InterestFor(DaysIn(month)), line.InterestAccrued);
    }

    [Fact]
    public async Task InterestPaidADayLateLosesTheSubsidyFromTheDueDateThoughNoCloseSawItOverdue()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await DisburseAsync(branch);
        var firstDue = fixture.Today.AddMonths(3);
        fixture.MoveTo(firstDue.AddDays(1));
        await PayInterestAsync(loan, firstDue.AddDays(1), "late");
        var month = FirstDayOf(firstDue);
        fixture.MoveTo(month.AddMonths(1).AddDays(1));

        var line = Assert.Single((await Statement(branch, month).PrepareAsync("信用社", "prepare")).Lines);

        Assert.Equal(firstDue, (await loan.GetAsync()).FirstMissedDueDate);
        Assert.Equal(InterestFor(firstDue.Day - 1), line.Subsidy);
    }

    [Fact]
    public async Task InterestPaidOnTheDueDateButReportedLateKeepsTheSubsidy()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await DisburseAsync(branch);
        var firstDue = fixture.Today.AddMonths(3);
        var books = Grains.GetGrain<ICountyBooksGrain>(branch.County.Value);
        fixture.MoveTo(firstDue.AddDays(3));
        await books.CloseThroughAsync(firstDue.AddDays(2));
        var seenOverdue = (await loan.GetAsync()).FirstMissedDueDate;

        await PayInterestAsync(loan, firstDue, "reported-late");
        var month = FirstDayOf(firstDue);
        fixture.MoveTo(month.AddMonths(1).AddDays(1));
        var line = Assert.Single((await Statement(branch, month).PrepareAsync("信用社", "prepare")).Lines);

        Assert.Equal(firstDue, seenOverdue);
        Assert.Null((await loan.GetAsync()).FirstMissedDueDate);
        Assert.Equal(InterestFor(DaysIn(month)), line.Subsidy);
    }

    [Fact]
    public async Task TheCountyApprovesAPreparedStatementAndItIsFinal()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        await DisburseAsync(branch);
        var month = FirstDayOf(fixture.Today.AddMonths(1));
        fixture.MoveTo(month.AddMonths(1).AddDays(1));
        var statement = Statement(branch, month);
        await statement.PrepareAsync("信用社", "prepare");
        await statement.ApproveAsync("县财政局", "approve");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => statement.PrepareAsync("信用社", "prepare-again"));

        Assert.Equal("STATEMENT_APPROVED", error.Reason);
        Assert.Equal(SubsidyStatementStatus.Approved, (await statement.GetAsync()).Status);
    }

    [Fact]
    public async Task ARetriedPreparationReturnsWhatTheFirstPreparedWithoutPreparingAgain()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await DisburseAsync(branch);
        var month = FirstDayOf(fixture.Today.AddMonths(1));
        fixture.MoveTo(month.AddMonths(1).AddDays(1));
        var statement = Statement(branch, month);
        var prepared = await statement.PrepareAsync("信用社", "prepare");
        var paidOn = month.AddDays(10);
        var balance = (await loan.GetAsync()).Balance!;
        await loan.RecordRepaymentAsync(paidOn, balance.InterestDueOn(Rate, paidOn) + Money.FromYuan(10_000m), "信贷员", "repay-principal");

        var retried = await statement.PrepareAsync("信用社", "prepare");
        var preparedAgain = await statement.PrepareAsync("信用社", "prepare-again");
        await statement.ApproveAsync("县财政局", "approve");
        var approvalRetried = await statement.ApproveAsync("县财政局", "approve");
        var reused = await Assert.ThrowsAsync<RuleViolationException>(() => statement.ApproveAsync("县财政局", "prepare-again"));

        Assert.Equal(prepared.Lines, retried.Lines);
        Assert.True(Assert.Single(preparedAgain.Lines).InterestAccrued < Assert.Single(prepared.Lines).InterestAccrued);
        Assert.Equal(SubsidyStatementStatus.Approved, approvalRetried.Status);
        Assert.Equal("REQUEST_ID_REUSED", reused.Reason);
    }

    [Fact]
    public async Task AMonthIsSettledOnlyOnceItIsOver()
    {
        var branch = await LendingBranch.CreateAsync(Grains);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Statement(branch, FirstDayOf(fixture.Today)).PrepareAsync("信用社", "prepare"));

        Assert.Equal("MONTH_NOT_OVER", error.Reason);
    }

    private async Task<ILoanGrain> DisburseAsync(LendingBranch branch)
    {
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Principal, termMonths: 12);
        await loan.ApproveAsync(Rate, "信贷员", "approve");
        await loan.RecordDisbursementAsync(fixture.Today, "信贷员", "disburse");
        return loan;
    }

    private static async Task PayInterestAsync(ILoanGrain loan, DateOnly on, string requestId)
    {
        var balance = (await loan.GetAsync()).Balance!;
        await loan.RecordRepaymentAsync(on, balance.InterestDueOn(Rate, on), "信贷员", requestId);
    }

    private ISubsidyStatementGrain Statement(LendingBranch branch, DateOnly month) =>
        Grains.GetGrain<ISubsidyStatementGrain>($"{FundAccountId.For(branch.County, LendingBranch.BankCode)}:{month:yyyy-MM}");

    /// <summary>50,000.00 × 4.35% × days / 360, to the fen (half away from zero).</summary>
    private static Money InterestFor(int days) =>
        new((long)Math.Round(Principal.Fen * 0.0435m * days / 360m, MidpointRounding.AwayFromZero));

    private static DateOnly FirstDayOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static int DaysIn(DateOnly month) => DateTime.DaysInMonth(month.Year, month.Month);
}
