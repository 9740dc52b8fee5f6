using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class LoanBalanceTests
{
    private static readonly InterestRate Rate = new(475);
    private static readonly DateOnly Disbursed = new(2024, 1, 31);

    [Fact]
    public void APaymentOnTheFirstQuarterDueDatePaysTheQuartersInterestThenPrincipal()
    {
        // 50,000.00 × 4.75% × 90 / 360 = 593.75 interest for 31 Jan – 30 Apr 2024 (leap February);
        // of a 10,593.75 payment, 10,000.00 goes to principal.
        var balance = LoanBalance.Disbursed(Money.FromYuan(50_000m), Disbursed);

        var (after, allocation) = balance.Repay(Money.FromYuan(10_593.75m), new DateOnly(2024, 4, 30), Rate);

        Assert.Equal(Money.FromYuan(593.75m), allocation.InterestPaid);
        Assert.Equal(Money.FromYuan(10_000m), allocation.PrincipalPaid);
        Assert.Equal(new LoanBalance(Money.FromYuan(40_000m), Money.Zero, new DateOnly(2024, 4, 30), new DateOnly(2024, 4, 30)), after);
    }

    [Fact]
    public void APaymentShortOfTheInterestLeavesTheRestUnpaid()
    {
        // 593.75 due; 500.00 paid leaves 93.75 of interest and all principal.
        var balance = LoanBalance.Disbursed(Money.FromYuan(50_000m), Disbursed);

        var (after, _) = balance.Repay(Money.FromYuan(500m), new DateOnly(2024, 4, 30), Rate);

        Assert.Equal(new LoanBalance(Money.FromYuan(50_000m), Money.FromYuan(93.75m), new DateOnly(2024, 4, 30), Disbursed), after);
    }

    [Fact]
    public void PayingMoreThanIsOwedIsRefused()
    {
        var balance = LoanBalance.Disbursed(Money.FromYuan(50_000m), Disbursed);

        var error = Assert.Throws<RuleViolationException>(() => balance.Repay(Money.FromYuan(50_593.76m), new DateOnly(2024, 4, 30), Rate));

        Assert.Equal("OVERPAYMENT", error.Reason);
    }

    [Fact]
    public void RepaymentsReduceTheTopUpBeforeTheFundBackedPart()
    {
        var balance = new LoanBalance(Money.FromYuan(60_000m), Money.Zero, Disbursed, Disbursed);

        var backed = balance.FundBacked(Money.FromYuan(50_000m));

        Assert.Equal(Money.FromYuan(50_000m), backed);
    }

    [Fact]
    public void ALoanPaidOnEveryDueDateHasNoUnpaidDueDate()
    {
        var schedule = Schedule();
        var balance = LoanBalance.Disbursed(Money.FromYuan(50_000m), Disbursed);
        foreach (var instalment in schedule.Take(2))
        {
            balance = balance.Repay(instalment.Interest, instalment.DueDate, Rate).After;
        }

        var oldest = balance.OldestUnpaidDueDate(schedule, new DateOnly(2024, 10, 30));

        Assert.Null(oldest);
    }

    [Fact]
    public void NothingPaidLeavesTheFirstDueDateUnpaidAndAgesFromIt()
    {
        // First due date 30 Apr 2024; on 31 May it is 31 days past due: the 31–60 bucket.
        var balance = LoanBalance.Disbursed(Money.FromYuan(50_000m), Disbursed);

        var oldest = balance.OldestUnpaidDueDate(Schedule(), new DateOnly(2024, 5, 31));

        Assert.Equal(new DateOnly(2024, 4, 30), oldest);
        Assert.Equal(OverdueBucket.Days31To60, OverdueAging.Bucket(OverdueAging.DaysPastDue(oldest!.Value, new DateOnly(2024, 5, 31))));
    }

    [Fact]
    public void InterestPaidOnlyInPartLeavesItsDueDateUnpaid()
    {
        var schedule = Schedule();
        var balance = LoanBalance.Disbursed(Money.FromYuan(50_000m), Disbursed);
        balance = balance.Repay(schedule[0].Interest, schedule[0].DueDate, Rate).After;
        balance = balance.Repay(Money.FromYuan(100m), schedule[1].DueDate, Rate).After;

        var oldest = balance.OldestUnpaidDueDate(schedule, new DateOnly(2024, 8, 15));

        Assert.Equal(schedule[1].DueDate, oldest);
    }

    [Fact]
    public void PrincipalNotRepaidAtMaturityLeavesTheMaturityUnpaid()
    {
        var schedule = RepaymentSchedule.Build(Money.FromYuan(10_000m), Rate, Disbursed, 12);
        var balance = LoanBalance.Disbursed(Money.FromYuan(10_000m), Disbursed);
        var maturity = schedule.Instalments[^1].DueDate;
        var interestOnly = balance.InterestDueOn(Rate, maturity);
        balance = balance.Repay(interestOnly, maturity, Rate).After;

        var oldest = balance.OldestUnpaidDueDate(schedule.Instalments, maturity.AddDays(1));

        Assert.Equal(maturity, oldest);
    }

    /// <summary>50,000 at 4.75% for 36 months from 31 Jan 2024: interest quarterly, principal at maturity.</summary>
    private static IReadOnlyList<ScheduledInstalment> Schedule() =>
        RepaymentSchedule.Build(Money.FromYuan(50_000m), Rate, Disbursed, 36).Instalments;
}
