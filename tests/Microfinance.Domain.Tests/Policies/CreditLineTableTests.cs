using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Policies;

public sealed class CreditLineTableTests
{
    private static readonly CreditLineTable Lines = CreditLineTable.Of(
    [
        new CreditLine(5, Money.FromYuan(50_000m), Money.FromYuan(50_000m)),
        new CreditLine(3, Money.FromYuan(20_000m), Money.FromYuan(30_000m)),
    ]);

    [Theory]
    [InlineData(5, false, 50_000)]
    [InlineData(4, false, 20_000)]
    [InlineData(4, true, 30_000)]
    [InlineData(3, false, 20_000)]
    [InlineData(2, true, 0)]
    [InlineData(0, false, 0)]
    public void AHouseholdHasTheLineOfTheHighestRowItsRatingReaches(int stars, bool inCreditVillage, int lineYuan)
    {
        Assert.Equal(Money.FromYuan(lineYuan), Lines.LineFor(stars, inCreditVillage));
    }

    [Fact]
    public void ATableGivingMoreStarsLessOrRepeatingARowIsAProblem()
    {
        var backwards = CreditLineTable.Of([new CreditLine(3, Money.FromYuan(30_000m), Money.FromYuan(30_000m)), new CreditLine(4, Money.FromYuan(20_000m), Money.FromYuan(30_000m))]);
        var repeated = CreditLineTable.Of([new CreditLine(3, Money.FromYuan(20_000m), Money.FromYuan(20_000m)), new CreditLine(3, Money.FromYuan(30_000m), Money.FromYuan(30_000m))]);
        var villageBelow = CreditLineTable.Of([new CreditLine(6, Money.FromYuan(20_000m), Money.FromYuan(10_000m))]);

        Assert.Empty(Lines.Validate(PolicyLimits.MaxHouseholdCap));
        Assert.Single(backwards.Validate(PolicyLimits.MaxHouseholdCap));
        Assert.Single(repeated.Validate(PolicyLimits.MaxHouseholdCap));
        Assert.Equal(2, villageBelow.Validate(PolicyLimits.MaxHouseholdCap).Count);
    }

    [Fact]
    public void TablesWithTheSameRowsAreEqualWhateverTheirOrder()
    {
        var same = CreditLineTable.Of([.. Lines.Lines.Reverse()]);

        Assert.Equal(Lines, same);
        Assert.Equal(Lines.GetHashCode(), same.GetHashCode());
    }

    [Fact]
    public void ALoanBeyondTheLineButWithinTheCapExceedsTheLine()
    {
        var policy = CountyPolicy.Default5321(new DateOnly(2020, 1, 1)) with { CreditLines = Lines };

        var refused = Assert.Throws<RuleViolationException>(
            () => HouseholdCap.Split(policy, Money.FromYuan(15_000m), Money.FromYuan(5_000.01m), "H-1", Money.FromYuan(20_000m)));
        var capFirst = Assert.Throws<RuleViolationException>(
            () => HouseholdCap.Split(policy, Money.FromYuan(45_000m), Money.FromYuan(6_000m), "H-1", Money.FromYuan(20_000m)));

        Assert.Equal("CREDIT_LINE_EXCEEDED", refused.Reason);
        Assert.Equal("HOUSEHOLD_CAP_EXCEEDED", capFirst.Reason);
        Assert.Equal(Money.FromYuan(5_000m), HouseholdCap.Room(policy, Money.FromYuan(15_000m), Money.FromYuan(20_000m)));
    }
}
