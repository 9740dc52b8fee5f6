using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class LossSharingTests
{
    private static readonly ClaimLoss WithinCap = new(Money.FromYuan(40_000m), Money.FromYuan(1_740m), Money.FromYuan(40_000m));

    [Fact]
    public void TheFundPaysSeventyPercentAndTheBankThirty()
    {
        var shares = LossSharing.Split(WithinCap, 70m, null);

        // 41,740.00 × 70% = 29,218.00; the bank 41,740.00 − 29,218.00 = 12,522.00.
        Assert.Equal(new RiskShares(Money.FromYuan(29_218m), Money.FromYuan(12_522m), Money.Zero), shares);
    }

    [Fact]
    public void TheFundShareIsThePolicys()
    {
        var shares = LossSharing.Split(WithinCap, 80m, null);

        // Nanao 2025, 80/20: 41,740.00 × 80% = 33,392.00; the bank 8,348.00.
        Assert.Equal(new RiskShares(Money.FromYuan(33_392m), Money.FromYuan(8_348m), Money.Zero), shares);
    }

    [Fact]
    public void TheBankBearsAllOfATopUpAboveTheBaseCap()
    {
        var topUp = new ClaimLoss(Money.FromYuan(80_000m), Money.FromYuan(3_480m), Money.FromYuan(50_000m));

        var shares = LossSharing.Split(topUp, 70m, null);

        // Compensable 50,000.00 + 2,175.00 = 52,175.00; × 70% = 36,522.50; the bank 83,480.00 − 36,522.50 = 46,957.50.
        Assert.Equal(new RiskShares(Money.FromYuan(36_522.50m), Money.FromYuan(46_957.50m), Money.Zero), shares);
    }

    [Fact]
    public void TheFundsShareIsRoundedDownAndTheBankTakesTheFen()
    {
        var loss = new ClaimLoss(Money.FromYuan(1_000m), Money.FromYuan(0.01m), Money.FromYuan(1_000m));

        var shares = LossSharing.Split(loss, 70m, null);

        // 1,000.01 × 70% = 700.007 → 700.00; the bank 1,000.01 − 700.00 = 300.01.
        Assert.Equal(new RiskShares(Money.FromYuan(700m), Money.FromYuan(300.01m), Money.Zero), shares);
    }

    [Fact]
    public void AnInsuredLossIsSharedByTheInsurerAndTheBankAndTheFundPaysNothing()
    {
        var shares = LossSharing.Split(WithinCap, 70m, new CreditInsurance("中国人保财险", "PICC-2024-001", 80m));

        // The insurer 41,740.00 × 80% = 33,392.00; the bank 41,740.00 − 33,392.00 = 8,348.00.
        Assert.Equal(new RiskShares(Money.Zero, Money.FromYuan(8_348m), Money.FromYuan(33_392m)), shares);
    }

    [Fact]
    public void TheInsurersCoverIsOnTheWholeLossEvenAboveTheBaseCap()
    {
        var topUp = new ClaimLoss(Money.FromYuan(80_000m), Money.FromYuan(3_480m), Money.FromYuan(50_000m));

        var shares = LossSharing.Split(topUp, 70m, new CreditInsurance("中国人保财险", "PICC-2024-002", 60m));

        // The insurer 83,480.00 × 60% = 50,088.00; the bank 83,480.00 − 50,088.00 = 33,392.00.
        Assert.Equal(new RiskShares(Money.Zero, Money.FromYuan(33_392m), Money.FromYuan(50_088m)), shares);
    }
}
