using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Tests.Finance;

public sealed class InterestRateTests
{
    [Fact]
    public void PercentIsBasisPointsOverOneHundred()
    {
        var rate = new InterestRate(435);

        Assert.Equal(4.35m, rate.Percent);
        Assert.Equal(0.0435m, rate.Fraction);
    }

    [Theory]
    [InlineData(435, "4.35%")]
    [InlineData(310, "3.10%")]
    [InlineData(0, "0.00%")]
    public void ToStringShowsPercentWithTwoDecimals(int basisPoints, string expected)
    {
        var rate = new InterestRate(basisPoints);

        var text = rate.ToString();

        Assert.Equal(expected, text);
    }

    [Fact]
    public void ComparisonOperatorsCompareRates()
    {
        var lower = new InterestRate(310);
        var higher = new InterestRate(360);

        Assert.True(lower < higher);
        Assert.True(higher > lower);
        Assert.True(lower <= new InterestRate(310));
        Assert.True(higher >= new InterestRate(360));
    }

    [Fact]
    public void FromPercentAcceptsWholeBasisPoints()
    {
        var rate = InterestRate.FromPercent(4.35m);

        Assert.Equal(new InterestRate(435), rate);
    }

    [Fact]
    public void FromPercentRejectsFractionsOfABasisPoint()
    {
        Assert.Throws<ArgumentException>(() => InterestRate.FromPercent(4.355m));
    }
}
