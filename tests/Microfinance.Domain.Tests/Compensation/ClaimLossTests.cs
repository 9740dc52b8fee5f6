using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class ClaimLossTests
{
    // 40,000.00 lent within the base cap, unpaid for 360 days at 4.35%: 40,000 × 4.35% × 360 / 360 = 1,740.00.
    private static readonly ClaimLoss WithinCap = new(Money.FromYuan(40_000m), Money.FromYuan(1_740m), Money.FromYuan(40_000m));

    [Fact]
    public void ALoanWithinTheBaseCapIsCompensableInFull()
    {
        var compensable = WithinCap.Compensable;

        // 40,000.00 + 1,740.00
        Assert.Equal(Money.FromYuan(41_740m), compensable);
    }

    [Fact]
    public void ATopUpAboveTheBaseCapIsNotCompensable()
    {
        // 80,000.00 of which 50,000.00 within the base cap; interest 80,000 × 4.35% = 3,480.00.
        var topUp = new ClaimLoss(Money.FromYuan(80_000m), Money.FromYuan(3_480m), Money.FromYuan(50_000m));

        // Principal 50,000.00; interest 3,480.00 × 50,000 / 80,000 = 2,175.00.
        Assert.Equal(
            (Money.FromYuan(83_480m), Money.FromYuan(50_000m), Money.FromYuan(2_175m)),
            (topUp.Total, topUp.CompensablePrincipal, topUp.CompensableInterest));
    }

    [Fact]
    public void TheCompensableInterestIsAnExactShareRoundedDown()
    {
        // A third of the principal is covered: 3.00 × 10,000 / 30,000 = 1.00 exactly, not 0.99.
        var loss = new ClaimLoss(Money.FromYuan(30_000m), Money.FromYuan(3m), Money.FromYuan(10_000m));

        Assert.Equal(Money.FromYuan(1m), loss.CompensableInterest);
    }

    [Fact]
    public void ARepaymentAfterFilingPaysTheInterestFirstThenPrincipal()
    {
        var after = WithinCap.LessRepaid(Money.FromYuan(2_000m));

        // 2,000.00 pays the 1,740.00 interest and 260.00 principal: 40,000.00 − 260.00 = 39,740.00.
        Assert.Equal(new ClaimLoss(Money.FromYuan(39_740m), Money.Zero, Money.FromYuan(40_000m)), after);
    }

    [Fact]
    public void RepaymentsCoveringTheWholeLossLeaveNothingToCompensate()
    {
        var exception = Assert.Throws<RuleViolationException>(() => WithinCap.LessRepaid(Money.FromYuan(41_740m)));

        Assert.Equal("LOAN_REPAID", exception.Reason);
    }
}
