using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Tests.Finance;

public sealed class MoneyTests
{
    [Fact]
    public void FromYuanConvertsToFen()
    {
        var money = Money.FromYuan(50_000.01m);

        Assert.Equal(5_000_001L, money.Fen);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("12.345")]
    [InlineData("-0.005")]
    public void FromYuanRejectsFractionsOfAFen(string yuan)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<ArgumentException>(() => Money.FromYuan(amount));
    }

    [Fact]
    public void YuanIsTheExactAmountInYuan()
    {
        var money = new Money(1_234_567);

        Assert.Equal(12_345.67m, money.Yuan);
    }

    [Fact]
    public void AdditionAndSubtractionWorkInFen()
    {
        var total = Money.FromYuan(30_000m) + new Money(1) - Money.FromYuan(0.5m);

        Assert.Equal(2_999_951L, total.Fen);
    }

    [Fact]
    public void AdditionThatOverflowsThrowsInsteadOfWrapping()
    {
        var huge = new Money(long.MaxValue);

        Assert.Throws<OverflowException>(() => huge + new Money(1));
    }

    [Fact]
    public void UnaryMinusNegatesTheAmount()
    {
        var negated = -Money.FromYuan(12m);

        Assert.True(negated.IsNegative);
        Assert.Equal(-1_200L, negated.Fen);
    }

    [Fact]
    public void ComparisonOperatorsCompareAmounts()
    {
        var small = Money.FromYuan(1m);
        var large = Money.FromYuan(2m);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Money.FromYuan(1m));
        Assert.True(large >= Money.FromYuan(2m));
        Assert.True(small.CompareTo(large) < 0);
    }

    [Fact]
    public void MinAndMaxPickTheSmallerAndLargerAmount()
    {
        var a = new Money(5);
        var b = new Money(7);

        Assert.Equal(a, Money.Min(a, b));
        Assert.Equal(b, Money.Max(a, b));
    }

    [Theory]
    [InlineData(MidpointRounding.ToEven, 2L)]
    [InlineData(MidpointRounding.AwayFromZero, 3L)]
    [InlineData(MidpointRounding.ToZero, 2L)]
    [InlineData(MidpointRounding.ToPositiveInfinity, 3L)]
    public void MultiplyRoundsAHalfFenAsTold(MidpointRounding rounding, long expectedFen)
    {
        var money = new Money(5);

        var half = money.Multiply(0.5m, rounding);

        Assert.Equal(expectedFen, half.Fen);
    }

    [Fact]
    public void MultiplyRoundsToTheFenNotToTheYuan()
    {
        var principal = Money.FromYuan(50_000m);

        // One month's interest at 4.35% a year: 50,000 × 0.0435 / 12 = 181.25 yuan.
        var interest = principal.Multiply(0.0435m / 12m, MidpointRounding.AwayFromZero);

        Assert.Equal(Money.FromYuan(181.25m), interest);
    }

    [Fact]
    public void SumAddsEveryAmount()
    {
        var total = Money.Sum([new Money(1), new Money(2), new Money(3)]);

        Assert.Equal(new Money(6), total);
    }

    [Theory]
    [InlineData(5_000_000L, "¥50,000.00")]
    [InlineData(0L, "¥0.00")]
    [InlineData(5L, "¥0.05")]
    [InlineData(-123_456L, "-¥1,234.56")]
    public void ToStringShowsYuanWithGroupingAndTwoDecimals(long fen, string expected)
    {
        var money = new Money(fen);

        var text = money.ToString();

        Assert.Equal(expected, text);
    }
}
