using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Lending;

public sealed class HouseholdCapTests
{
    private static readonly CountyPolicy Policy = CountyPolicy.Default5321(new DateOnly(2020, 1, 1));
    private static readonly CountyPolicy TopUp = Policy with { TopUpCap = Money.FromYuan(100_000m) };

    [Fact]
    public void LoanWithinTheCapLiesWhollyWithinTheBaseCap()
    {
        var split = HouseholdCap.Split(Policy, Money.FromYuan(10_000m), Money.FromYuan(20_000m));

        Assert.Equal(new CapSplit(Money.FromYuan(20_000m), Money.Zero), split);
    }

    [Fact]
    public void LoanThatExactlyReachesTheCapPasses()
    {
        var split = HouseholdCap.Split(Policy, Money.FromYuan(30_000m), Money.FromYuan(20_000m));

        Assert.Equal(Money.FromYuan(20_000m), split.WithinBaseCap);
    }

    [Fact]
    public void LoanOneFenOverTheCapIsRefusedNamingTheHousehold()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => HouseholdCap.Split(Policy, Money.FromYuan(30_000m), Money.FromYuan(20_000.01m), "530102001001-0007"));

        Assert.Equal("HOUSEHOLD_CAP_EXCEEDED", exception.Reason);
        Assert.StartsWith("Household 530102001001-0007's total would be ¥50,000.01", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 50_000)]
    [InlineData(30_000, 20_000)]
    [InlineData(50_000, 0)]
    [InlineData(60_000, 0)] // over the cap after a take-over: no room, never negative
    public void RoomIsTheCapLessWhatIsCommitted(int committedYuan, int roomYuan)
    {
        Assert.Equal(Money.FromYuan(roomYuan), HouseholdCap.Room(Policy, Money.FromYuan(committedYuan)));
    }

    [Fact]
    public void TopUpLoanSplitsAtTheBaseCap()
    {
        var split = HouseholdCap.Split(TopUp, Money.FromYuan(40_000m), Money.FromYuan(30_000m));

        Assert.Equal(Money.FromYuan(10_000m), split.WithinBaseCap);
        Assert.Equal(Money.FromYuan(20_000m), split.AboveBaseCap);
    }

    [Fact]
    public void LoanWhenTheBaseCapIsAlreadyUsedLiesWhollyAbove()
    {
        var split = HouseholdCap.Split(TopUp, Money.FromYuan(60_000m), Money.FromYuan(40_000m));

        Assert.Equal(new CapSplit(Money.Zero, Money.FromYuan(40_000m)), split);
    }

    [Fact]
    public void LoanBeyondTheTopUpCapIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => HouseholdCap.Split(TopUp, Money.FromYuan(60_000m), Money.FromYuan(40_000.01m)));

        Assert.Equal("HOUSEHOLD_CAP_EXCEEDED", exception.Reason);
    }

    [Fact]
    public void OlderPolicyLendsUpTo10000Yuan()
    {
        var older = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

        var split = HouseholdCap.Split(older, Money.Zero, Money.FromYuan(10_000m));

        Assert.Equal(Money.FromYuan(10_000m), split.WithinBaseCap);
    }

    [Fact]
    public void OlderPolicyRefusesMoreThan10000Yuan()
    {
        var older = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

        var exception = Assert.Throws<RuleViolationException>(
            () => HouseholdCap.Split(older, Money.FromYuan(5_000m), Money.FromYuan(6_000m)));

        Assert.Equal("HOUSEHOLD_CAP_EXCEEDED", exception.Reason);
    }

    [Fact]
    public void NonPositiveAmountIsRejectedAsAnArgument()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HouseholdCap.Split(Policy, Money.Zero, Money.Zero));
    }
}
