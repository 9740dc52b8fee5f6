using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class DayCountTests
{
    private static readonly InterestRate Rate475 = new(475);

    [Fact]
    public void DaysCountTheFirstDayButNotTheLast()
    {
        var days = DayCount.Days(new DateOnly(2024, 4, 30), new DateOnly(2024, 7, 31));

        // 1 (30 Apr) + 31 (May) + 30 (June) + 30 (1–30 July) = 92; 31 July is not counted.
        Assert.Equal(92, days);
    }

    [Fact]
    public void LeapYearFebruaryHasTwentyNineDaysOfInterest()
    {
        var interest = DayCount.Interest(Money.FromYuan(50_000m), Rate475, new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1));

        // 50,000.00 × 4.75% × 29 / 360 = 2,375 × 29 / 360 = 191.319… → 191.32
        Assert.Equal(Money.FromYuan(191.32m), interest);
    }

    [Fact]
    public void InterestIsPrincipalTimesRateTimesActualDaysOverThreeHundredSixty()
    {
        var interest = DayCount.Interest(Money.FromYuan(50_000m), Rate475, new DateOnly(2024, 4, 30), new DateOnly(2024, 7, 31));

        // 50,000.00 × 4.75% × 92 / 360 = 606.944… → 606.94
        Assert.Equal(Money.FromYuan(606.94m), interest);
    }

    [Fact]
    public void HalfAFenRoundsAwayFromZero()
    {
        var interest = DayCount.Interest(Money.FromYuan(10m), new InterestRate(360), 5);

        // 10.00 × 3.60% × 5 / 360 = 0.005 → 0.01 (四舍五入, not banker's 0.00)
        Assert.Equal(new Money(1), interest);
    }

    [Fact]
    public void PeriodThatEndsBeforeItStartsIsRejected()
    {
        Assert.Throws<ArgumentException>(() => DayCount.Days(new DateOnly(2024, 3, 2), new DateOnly(2024, 3, 1)));
    }
}
