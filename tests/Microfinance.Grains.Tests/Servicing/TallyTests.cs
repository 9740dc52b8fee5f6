using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Tests.Servicing;

public sealed class TallyTests
{
    [Fact]
    public void TheNplToleranceIsComparedExactlyNotOnTheRoundedRatio()
    {
        // 199,999 of 2,000,000 fen is 9.99995%: shown as 10.0000%, yet below a 10% tolerance.
        var tally = new Tally();
        tally.Add(new TallyContribution(OverdueBucket.Over90, new Money(199_999), new Money(199_999)), +1);
        tally.Add(new TallyContribution(OverdueBucket.Current, new Money(1_800_001), new Money(1_800_001)), +1);

        Assert.Equal(10.0000m, tally.NplRatioPercent);
        Assert.False(tally.NplRatioReaches(10m));
        Assert.True(tally.NplRatioReaches(9.9999m));
    }

    [Fact]
    public void NothingOutstandingReachesNoTolerance()
    {
        Assert.False(new Tally().NplRatioReaches(3m));
    }
}
