using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class RecoverySharingTests
{
    // The 70/30 split of a 41,740.00 loss.
    private static readonly RiskShares Uninsured = new(Money.FromYuan(29_218m), Money.FromYuan(12_522m), Money.Zero);

    [Fact]
    public void ARecoveryGoesBackInTheProportionEachSideBore()
    {
        var shares = RecoverySharing.Split(Uninsured, [], Money.FromYuan(10_000m), throughLitigation: false);

        // 10,000.00 × 29,218 / 41,740 = 7,000.00 to the fund; 3,000.00 to the bank.
        Assert.Equal(new RiskShares(Money.FromYuan(7_000m), Money.FromYuan(3_000m), Money.Zero), shares);
    }

    [Fact]
    public void AnInsuredRecoveryGoesToTheInsurerAndTheBank()
    {
        var insured = new RiskShares(Money.Zero, Money.FromYuan(8_348m), Money.FromYuan(33_392m));

        var shares = RecoverySharing.Split(insured, [], Money.FromYuan(5_000m), throughLitigation: false);

        // 5,000.00 × 33,392 / 41,740 = 4,000.00 to the insurer; 1,000.00 to the bank.
        Assert.Equal(new RiskShares(Money.Zero, Money.FromYuan(1_000m), Money.FromYuan(4_000m)), shares);
    }

    [Fact]
    public void SmallRecoveriesAddUpToTheSplitOfTheirTotal()
    {
        var fen = new Money(1);

        var first = RecoverySharing.Split(Uninsured, [], fen, throughLitigation: false);
        var second = RecoverySharing.Split(Uninsured, Before((1, false)), fen, throughLitigation: false);
        var third = RecoverySharing.Split(Uninsured, Before((1, false), (1, false)), fen, throughLitigation: false);

        // Cumulative 70%: 0.7 → 0, 1.4 → 1, 2.1 → 2 fen to the fund, so the fen go bank, fund, fund;
        // the three make 2 fen to the fund and 1 to the bank, as one recovery of 3 fen would.
        Assert.Equal(
            [new RiskShares(Money.Zero, fen, Money.Zero), new RiskShares(fen, Money.Zero, Money.Zero), new RiskShares(fen, Money.Zero, Money.Zero)],
            new[] { first, second, third });
        Assert.Equal(RecoverySharing.Split(Uninsured, [], new Money(3), throughLitigation: false), first + second + third);
    }

    [Fact]
    public void WhatASuitAgainstMaliciousEvasionRecoversGoesToTheFundWhole()
    {
        var shares = RecoverySharing.Split(Uninsured, Before((1_000_000, false)), Money.FromYuan(20_000m), throughLitigation: true);

        Assert.Equal(new RiskShares(Money.FromYuan(20_000m), Money.Zero, Money.Zero), shares);
    }

    [Fact]
    public void ARecoveryAfterALitigatedOneIsSharedAsIfTheSuitHadNotBeen()
    {
        var afterSuit = RecoverySharing.Split(Uninsured, Before((2_000_000, true)), Money.FromYuan(10_000m), throughLitigation: false);

        Assert.Equal(RecoverySharing.Split(Uninsured, [], Money.FromYuan(10_000m), throughLitigation: false), afterSuit);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecoveringMoreThanTheLossIsRefusedHoweverItWasRecovered(bool throughLitigation)
    {
        // 41,000.00 + 740.01 = 41,740.01, a fen above the loss.
        var exception = Assert.Throws<RuleViolationException>(
            () => RecoverySharing.Split(Uninsured, Before((2_000_000, true), (2_100_000, false)), Money.FromYuan(740.01m), throughLitigation));

        Assert.Equal("RECOVERY_EXCEEDS_LOSS", exception.Reason);
    }

    private static IReadOnlyList<ClaimRecovery> Before(params (long Fen, bool ThroughLitigation)[] recoveries) =>
        [.. recoveries.Select((recovery, i) => new ClaimRecovery(
            i + 1, new DateOnly(2026, 5, 1), new Money(recovery.Fen), RiskShares.None, "", "银行", DateTimeOffset.UnixEpoch, $"r{i}", recovery.ThroughLitigation))];
}
