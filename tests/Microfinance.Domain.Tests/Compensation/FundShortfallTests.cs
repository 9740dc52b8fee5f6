using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class FundShortfallTests
{
    private static readonly Money Share = Money.FromYuan(29_218m);

    [Fact]
    public void AFundHoldingTheSharePaysItAll()
    {
        var split = FundShortfall.Split(Share, Money.FromYuan(50_000m));

        Assert.Equal((Share, Money.Zero), split);
    }

    [Fact]
    public void AFundShortOfTheSharePaysWhatItHoldsAndTheCountyBudgetOwesTheRest()
    {
        var split = FundShortfall.Split(Share, Money.FromYuan(10_000m));

        // 29,218.00 − 10,000.00 = 19,218.00 owed by the county budget (第二十六条).
        Assert.Equal((Money.FromYuan(10_000m), Money.FromYuan(19_218m)), split);
    }

    [Fact]
    public void AnEmptyFundPaysNothing()
    {
        var split = FundShortfall.Split(Share, Money.Zero);

        Assert.Equal((Money.Zero, Share), split);
    }
}
