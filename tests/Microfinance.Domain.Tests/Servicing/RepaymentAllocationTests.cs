using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class RepaymentAllocationTests
{
    private static readonly Money QuarterInterest = Money.FromYuan(606.94m);
    private static readonly Money Principal = Money.FromYuan(50_000m);

    [Fact]
    public void PaymentBelowTheInterestDueGoesEntirelyToInterest()
    {
        var allocated = RepaymentAllocation.Allocate(Money.FromYuan(300m), QuarterInterest, Principal);

        // 606.94 − 300.00 = 306.94 interest still due; principal untouched.
        Assert.Equal(
            new AllocatedRepayment(Money.FromYuan(300m), Money.Zero, Money.FromYuan(306.94m), Principal),
            allocated);
    }

    [Fact]
    public void PaymentAboveTheInterestDuePaysInterestFirstThenPrincipal()
    {
        var allocated = RepaymentAllocation.Allocate(Money.FromYuan(10_606.94m), QuarterInterest, Principal);

        // 10,606.94 − 606.94 interest = 10,000.00 principal; 50,000.00 − 10,000.00 = 40,000.00 outstanding.
        Assert.Equal(
            new AllocatedRepayment(QuarterInterest, Money.FromYuan(10_000m), Money.Zero, Money.FromYuan(40_000m)),
            allocated);
    }

    [Fact]
    public void EarlyFullRepaymentPaysInterestAccruedUpToTheRepaymentDateAndClosesTheLoan()
    {
        // Interest last paid on 30 Apr 2024; repaid on 15 Jun: 1 + 31 + 14 = 46 days.
        // 50,000.00 × 4.75% × 46 / 360 = 303.472… → 303.47
        var accrued = DayCount.Interest(Principal, new InterestRate(475), new DateOnly(2024, 4, 30), new DateOnly(2024, 6, 15));

        var allocated = RepaymentAllocation.Allocate(Money.FromYuan(50_303.47m), accrued, Principal);

        Assert.Equal(Money.FromYuan(303.47m), allocated.InterestPaid);
        Assert.Equal(Principal, allocated.PrincipalPaid);
        Assert.True(allocated.ClosesLoan);
    }

    [Fact]
    public void PartialRepaymentLeavesTheLoanOpen()
    {
        var allocated = RepaymentAllocation.Allocate(Money.FromYuan(606.94m), QuarterInterest, Principal);

        Assert.False(allocated.ClosesLoan);
    }

    [Fact]
    public void PaymentAboveEverythingOwedIsRejectedAsOverpayment()
    {
        // Owed: 303.47 + 50,000.00 = 50,303.47; one fen more is an overpayment.
        var exception = Assert.Throws<RuleViolationException>(
            () => RepaymentAllocation.Allocate(Money.FromYuan(50_303.48m), Money.FromYuan(303.47m), Principal));

        Assert.Equal("OVERPAYMENT", exception.Reason);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void NonPositivePaymentIsRejected(long fen)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => RepaymentAllocation.Allocate(new Money(fen), QuarterInterest, Principal));
    }
}
