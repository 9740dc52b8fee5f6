using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class ContractDatesTests
{
    [Fact]
    public void MaturityFallsOnTheSameDayOfTheMonth()
    {
        var maturity = ContractDates.Maturity(new DateOnly(2024, 3, 15), 36);

        Assert.Equal(new DateOnly(2027, 3, 15), maturity);
    }

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")] // no 31 Feb; 2024 is a leap year, so its last day is the 29th
    [InlineData("2023-01-31", 1, "2023-02-28")] // 2023 is not a leap year
    [InlineData("2024-02-29", 12, "2025-02-28")] // no 29 Feb in 2025
    [InlineData("2023-11-30", 3, "2024-02-29")] // no 30 Feb; leap year
    [InlineData("2024-11-30", 3, "2025-02-28")] // no 30 Feb; common year
    [InlineData("2024-03-31", 1, "2024-04-30")] // no 31 Apr
    public void MaturityInAMonthWithoutThatDayIsTheMonthsLastDay(string disbursedOn, int termMonths, string expected)
    {
        var maturity = ContractDates.Maturity(DateOnly.Parse(disbursedOn), termMonths);

        Assert.Equal(DateOnly.Parse(expected), maturity);
    }

    [Fact]
    public void LoanDisbursedOnTheLastDayOfAShortMonthKeepsItsDayNumber()
    {
        var maturity = ContractDates.Maturity(new DateOnly(2025, 2, 28), 1);

        Assert.Equal(new DateOnly(2025, 3, 28), maturity);
    }

    [Fact]
    public void MonthlyDueDatesReturnToTheContractDayAfterAShortMonth()
    {
        var dates = ContractDates.DueDates(new DateOnly(2024, 1, 31), 3, InterestFrequency.Monthly);

        // Each counted from 31 Jan, not from the previous due date: 29 Feb does not drag March to the 29th.
        Assert.Equal([new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 31), new DateOnly(2024, 4, 30)], dates);
    }

    [Fact]
    public void QuarterlyDueDatesEndWithAShortPeriodAtMaturity()
    {
        var dates = ContractDates.DueDates(new DateOnly(2024, 1, 15), 10, InterestFrequency.Quarterly);

        Assert.Equal(
            [new DateOnly(2024, 4, 15), new DateOnly(2024, 7, 15), new DateOnly(2024, 10, 15), new DateOnly(2024, 11, 15)],
            dates);
    }

    [Fact]
    public void InterestAtMaturityHasTheMaturityAsItsOnlyDueDate()
    {
        var dates = ContractDates.DueDates(new DateOnly(2024, 2, 29), 12, InterestFrequency.AtMaturity);

        Assert.Equal([new DateOnly(2025, 2, 28)], dates);
    }

    [Fact]
    public void TermShorterThanOneMonthIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContractDates.Maturity(new DateOnly(2024, 1, 1), 0));
    }
}
