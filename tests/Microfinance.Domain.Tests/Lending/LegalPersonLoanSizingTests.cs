using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Lending;

public sealed class LegalPersonLoanSizingTests
{
    private static readonly CountyPolicy Policy = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

    [Fact]
    public void LoanOf5000YuanPerDrivenHouseholdPasses()
    {
        var exception = Record.Exception(() => LegalPersonLoanSizing.Check(Policy, 4, Money.FromYuan(20_000m)));

        Assert.Null(exception);
    }

    [Fact]
    public void LoanWithoutDrivenHouseholdsIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => LegalPersonLoanSizing.Check(Policy, 0, Money.FromYuan(5_000m)));

        Assert.Equal("NO_DRIVEN_HOUSEHOLDS", exception.Reason);
    }

    [Fact]
    public void LoanAboveTheAmountPerDrivenHouseholdIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => LegalPersonLoanSizing.Check(Policy, 4, Money.FromYuan(20_000.01m)));

        Assert.Equal("DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED", exception.Reason);
    }

    [Fact]
    public void SplitGivesTheRemainderFenToTheFirstHouseholds()
    {
        var shares = LegalPersonLoanSizing.SplitAcross(new Money(1_000_002), 4);

        Assert.Equal(new[] { new Money(250_001), new Money(250_001), new Money(250_000), new Money(250_000) }, shares);
    }

    [Theory]
    [InlineData(5_000_000L, 1)]
    [InlineData(5_000_000L, 3)]
    [InlineData(1L, 7)]
    [InlineData(4_999_999L, 12)]
    public void SplitSumsExactlyToTheAmount(long fen, int drivenHouseholds)
    {
        var amount = new Money(fen);

        var shares = LegalPersonLoanSizing.SplitAcross(amount, drivenHouseholds);

        Assert.Equal(drivenHouseholds, shares.Count);
        Assert.Equal(amount, Money.Sum(shares));
        Assert.True(shares.Max(s => s.Fen) - shares.Min(s => s.Fen) <= 1);
    }
}
