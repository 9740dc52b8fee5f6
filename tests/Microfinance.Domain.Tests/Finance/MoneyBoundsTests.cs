using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Finance;

public sealed class MoneyBoundsTests
{
    [Fact]
    public void ATotalMayReachTheBound()
    {
        var exception = Record.Exception(
            () => MoneyBounds.CheckTotal(MoneyBounds.MaxTotal - MoneyBounds.MaxAmount, MoneyBounds.MaxAmount, "FUND_BALANCE_LIMIT_EXCEEDED", "The balance"));

        Assert.Null(exception);
    }

    [Fact]
    public void AnAmountThatWouldPassTheBoundIsRefusedWithTheCallersReason()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => MoneyBounds.CheckTotal(MoneyBounds.MaxTotal, new Money(1), "FUND_BALANCE_LIMIT_EXCEEDED", "The balance"));

        Assert.Equal("FUND_BALANCE_LIMIT_EXCEEDED", exception.Reason);
    }

    [Fact]
    public void Int64ExtremesAreRefusedRatherThanOverflowing()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => MoneyBounds.CheckTotal(new Money(long.MaxValue), new Money(long.MaxValue), "FUND_BALANCE_LIMIT_EXCEEDED", "The balance"));

        Assert.Equal("FUND_BALANCE_LIMIT_EXCEEDED", exception.Reason);
    }

    [Fact]
    public void AnyTwoTotalsTimesTheHighestLeverageStillFitInFen()
    {
        var product = (MoneyBounds.MaxTotal.Fen + MoneyBounds.MaxTotal.Fen) * (Int128)PolicyLimits.MaxLeverageMultiple;

        Assert.True(product < long.MaxValue);
    }
}
