using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class RepaymentScheduleTests
{
    [Fact]
    public void QuarterlyScheduleOfAThreeYearLoanDisbursedAtAMonthEndInALeapYear()
    {
        var schedule = RepaymentSchedule.Build(
            Money.FromYuan(50_000m), new InterestRate(475), new DateOnly(2024, 1, 31), 36);

        // 50,000.00 × 4.75% = 2,375.00 a year; each quarter is 2,375 × days / 360.
        // 31 Jan 2024 → 30 Apr: 29 (to 29 Feb, leap) + 31 + 30 = 90 days: 2,375 × 90 / 360 = 593.75
        // → 31 Jul, → 31 Oct, → 31 Jan: 92 days each: 2,375 × 92 / 360 = 606.944… → 606.94
        // 31 Jan 2025 → 30 Apr 2025: 28 + 31 + 30 = 89 days: 2,375 × 89 / 360 = 587.152… → 587.15
        // the same pattern in 2025–26 and 2026–27: 89, 92, 92, 92 days.
        Assert.Equal(
            [
                (new DateOnly(2024, 4, 30), 90, 593.75m, 0m),
                (new DateOnly(2024, 7, 31), 92, 606.94m, 0m),
                (new DateOnly(2024, 10, 31), 92, 606.94m, 0m),
                (new DateOnly(2025, 1, 31), 92, 606.94m, 0m),
                (new DateOnly(2025, 4, 30), 89, 587.15m, 0m),
                (new DateOnly(2025, 7, 31), 92, 606.94m, 0m),
                (new DateOnly(2025, 10, 31), 92, 606.94m, 0m),
                (new DateOnly(2026, 1, 31), 92, 606.94m, 0m),
                (new DateOnly(2026, 4, 30), 89, 587.15m, 0m),
                (new DateOnly(2026, 7, 31), 92, 606.94m, 0m),
                (new DateOnly(2026, 10, 31), 92, 606.94m, 0m),
                (new DateOnly(2027, 1, 31), 92, 606.94m, 50_000m),
            ],
            schedule.Instalments.Select(i => (i.DueDate, i.Days, i.Interest.Yuan, i.Principal.Yuan)));
    }

    [Fact]
    public void TotalInterestIsTheSumOfTheRoundedQuarters()
    {
        var schedule = RepaymentSchedule.Build(
            Money.FromYuan(50_000m), new InterestRate(475), new DateOnly(2024, 1, 31), 36);

        // 593.75 + 2 × 587.15 + 9 × 606.94 = 593.75 + 1,174.30 + 5,462.46 = 7,230.51
        // (1,096 days unrounded would be 2,375 × 1,096 / 360 = 7,230.56: rounding is per period)
        Assert.Equal(Money.FromYuan(7_230.51m), schedule.TotalInterest);
    }

    [Fact]
    public void MonthlyScheduleFollowsTheContractDayThroughALeapFebruary()
    {
        var schedule = RepaymentSchedule.Build(
            Money.FromYuan(10_000m), new InterestRate(435), new DateOnly(2023, 11, 30), 12, InterestFrequency.Monthly);

        // 10,000.00 × 4.35% = 435.00 a year: 30 days → 435 × 30 / 360 = 36.25; 31 days → 37.458… → 37.46.
        // 30 Jan → 29 Feb (no 30 Feb) = 30 days; 29 Feb → 30 Mar = 30 days (back on the 30th).
        Assert.Equal(
            [
                (new DateOnly(2023, 12, 30), 30, 36.25m),
                (new DateOnly(2024, 1, 30), 31, 37.46m),
                (new DateOnly(2024, 2, 29), 30, 36.25m),
                (new DateOnly(2024, 3, 30), 30, 36.25m),
                (new DateOnly(2024, 4, 30), 31, 37.46m),
                (new DateOnly(2024, 5, 30), 30, 36.25m),
                (new DateOnly(2024, 6, 30), 31, 37.46m),
                (new DateOnly(2024, 7, 30), 30, 36.25m),
                (new DateOnly(2024, 8, 30), 31, 37.46m),
                (new DateOnly(2024, 9, 30), 31, 37.46m),
                (new DateOnly(2024, 10, 30), 30, 36.25m),
                (new DateOnly(2024, 11, 30), 31, 37.46m),
            ],
            schedule.Instalments.Select(i => (i.DueDate, i.Days, i.Interest.Yuan)));
    }

    [Fact]
    public void EqualInstalmentsPutTheRemainderFenOnTheLastAndChargeInterestOnTheDecliningBalance()
    {
        var schedule = RepaymentSchedule.Build(
            Money.FromYuan(10_000m), new InterestRate(435), new DateOnly(2024, 3, 15), 9,
            InterestFrequency.Quarterly, PrincipalRepayment.EqualInstalments);

        // 1,000,000 fen / 3 = 333,333 fen remainder 1: 3,333.33, 3,333.33, 3,333.34.
        // 15 Mar → 15 Jun: 92 days on 10,000.00: 10,000.00 × 4.35% × 92 / 360 = 111.166… → 111.17
        // 15 Jun → 15 Sep: 92 days on 6,666.67: 6,666.67 × 4.35% × 92 / 360 = 74.111… → 74.11
        // 15 Sep → 15 Dec: 91 days on 3,333.34: 3,333.34 × 4.35% × 91 / 360 = 36.652… → 36.65
        Assert.Equal(
            [
                (new DateOnly(2024, 6, 15), 3_333.33m, 111.17m),
                (new DateOnly(2024, 9, 15), 3_333.33m, 74.11m),
                (new DateOnly(2024, 12, 15), 3_333.34m, 36.65m),
            ],
            schedule.Instalments.Select(i => (i.DueDate, i.Principal.Yuan, i.Interest.Yuan)));
    }

    [Theory]
    [InlineData(5_000_000L, 36)]
    [InlineData(4_999_999L, 36)]
    [InlineData(1L, 12)]
    [InlineData(1_000_007L, 7)]
    public void EqualInstalmentPrincipalsSumExactlyToTheLoan(long fen, int termMonths)
    {
        var schedule = RepaymentSchedule.Build(
            new Money(fen), new InterestRate(435), new DateOnly(2024, 1, 31), termMonths,
            InterestFrequency.Monthly, PrincipalRepayment.EqualInstalments);

        Assert.Equal(new Money(fen), Money.Sum(schedule.Instalments.Select(i => i.Principal)));
    }

    [Fact]
    public void InterestAtMaturityIsOnePeriodOverTheWholeTerm()
    {
        var schedule = RepaymentSchedule.Build(
            Money.FromYuan(10_000m), new InterestRate(435), new DateOnly(2024, 2, 29), 12, InterestFrequency.AtMaturity);

        // 29 Feb 2024 → 28 Feb 2025 = 365 days: 10,000.00 × 4.35% × 365 / 360 = 441.041… → 441.04
        var only = Assert.Single(schedule.Instalments);
        Assert.Equal((new DateOnly(2025, 2, 28), 10_000m, 441.04m), (only.DueDate, only.Principal.Yuan, only.Interest.Yuan));
    }

    [Fact]
    public void NonPositivePrincipalIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => RepaymentSchedule.Build(Money.Zero, new InterestRate(435), new DateOnly(2024, 1, 1), 12));
    }
}
