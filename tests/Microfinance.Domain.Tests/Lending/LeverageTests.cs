using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;

namespace Microfinance.Domain.Tests.Lending;

public sealed class LeverageTests
{
    private static readonly Money FundBalance = Money.FromYuan(5_000_000m);

    [Fact]
    public void LendingUpToExactlyTenTimesTheFundPasses()
    {
        var exception = Record.Exception(
            () => Leverage.CheckHeadroom(10, FundBalance, Money.FromYuan(49_950_000m), Money.FromYuan(50_000m)));

        Assert.Null(exception);
    }

    [Fact]
    public void LendingBeyondTenTimesTheFundIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => Leverage.CheckHeadroom(10, FundBalance, Money.FromYuan(49_950_000m), Money.FromYuan(50_000.01m)));

        Assert.Equal("FUND_LEVERAGE_EXCEEDED", exception.Reason);
    }

    [Fact]
    public void HeadroomIsTheMultipleOfTheBalanceLessWhatIsCommitted()
    {
        var headroom = Leverage.Headroom(10, FundBalance, Money.FromYuan(49_000_000m));

        Assert.Equal(Money.FromYuan(1_000_000m), headroom);
    }

    [Fact]
    public void HeadroomIsNeverNegative()
    {
        var headroom = Leverage.Headroom(10, Money.FromYuan(1_000m), Money.FromYuan(50_000m));

        Assert.Equal(Money.Zero, headroom);
    }

    [Fact]
    public void MultipleBelowOneIsRejectedAsAnArgument()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Leverage.Headroom(0, FundBalance, Money.Zero));
    }
}
