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
        Assert.Equal(new LoanBalance(Money.FromYuan(40_000m), Money.Zero, new DateOnly(2024, 4, 30)), after);
    }

    [Fact]
    public void APaymentShortOfTheInterestLeavesTheRestUnpaid()
    {
        // 593.75 due; 500.00 paid leaves 93.75 of interest and all principal.
        var balance = LoanBalance.Disbursed(Money.FromYuan(50_000m), Disbursed);

        var (after, _) = balance.Repay(Money.FromYuan(500m), new DateOnly(2024, 4, 30), Rate);

        Assert.Equal(new LoanBalance(Money.FromYuan(50_000m), Money.FromYuan(93.75m), new DateOnly(2024, 4, 30)), after);
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
        var balance = new LoanBalance(Money.FromYuan(60_000m), Money.Zero, Disbursed);

        var backed = balance.FundBacked(Money.FromYuan(50_000m));

        Assert.Equal(Money.FromYuan(50_000m), backed);
    }
}
