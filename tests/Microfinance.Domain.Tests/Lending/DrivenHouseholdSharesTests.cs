using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Lending;

public sealed class DrivenHouseholdSharesTests
{
    private static readonly CountyPolicy Policy = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

    private static readonly Money FullRoom = Money.FromYuan(10_000m);

    [Fact]
    public void EveryHouseholdWithRoomIsChargedAnEqualShare()
    {
        var shares = DrivenHouseholdShares.Choose(Policy, Money.FromYuan(15_000m), [("A", FullRoom), ("B", FullRoom), ("C", FullRoom)]);

        Assert.Equal([("A", Money.FromYuan(5_000m)), ("B", Money.FromYuan(5_000m)), ("C", Money.FromYuan(5_000m))], shares.Counted);
        Assert.Empty(shares.Skipped);
    }

    [Fact]
    public void AHouseholdWithNoRoomIsLeftOutAndTheOthersCarryTheLoan()
    {
        var shares = DrivenHouseholdShares.Choose(Policy, Money.FromYuan(10_000m), [("A", FullRoom), ("B", Money.Zero), ("C", FullRoom)]);

        Assert.Equal([("A", Money.FromYuan(5_000m)), ("C", Money.FromYuan(5_000m))], shares.Counted);
        Assert.Equal(["B"], shares.Skipped);
    }

    [Fact]
    public void LeavingOneOutRaisesTheOthersSharesUntilEveryShareFits()
    {
        // 3,000 each: C (2,500) is out; then 4,500 each: B (4,000) is out too; A carries 9,000 alone... above 5,000 per household.
        var error = Assert.Throws<RuleViolationException>(() => DrivenHouseholdShares.Choose(
            Policy, Money.FromYuan(9_000m), [("A", FullRoom), ("B", Money.FromYuan(4_000m)), ("C", Money.FromYuan(2_500m))]));

        Assert.Equal("DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED", error.Reason);
        Assert.Contains("B, C", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShareThatFitsAfterOthersLeaveKeepsItsHousehold()
    {
        // 2,250 each: C (2,000) is out; 3,000 each then fit B (4,500).
        var shares = DrivenHouseholdShares.Choose(
            Policy, Money.FromYuan(9_000m), [("A", FullRoom), ("B", Money.FromYuan(4_500m)), ("C", Money.FromYuan(2_000m)), ("D", FullRoom)]);

        Assert.Equal(["A", "B", "D"], shares.Counted.Select(share => share.Household));
        Assert.Equal(Money.FromYuan(9_000m), Money.Sum(shares.Counted.Select(share => share.Share)));
        Assert.Equal(["C"], shares.Skipped);
    }

    [Fact]
    public void NoHouseholdWithRoomLeavesNothingToLendFor()
    {
        var error = Assert.Throws<RuleViolationException>(
            () => DrivenHouseholdShares.Choose(Policy, Money.FromYuan(5_000m), [("A", Money.Zero), ("B", Money.FromYuan(1_000m))]));

        Assert.Equal("NO_DRIVEN_HOUSEHOLDS", error.Reason);
        Assert.Contains("A, B", error.Message, StringComparison.Ordinal);
    }
}
