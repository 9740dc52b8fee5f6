using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Policies;

public sealed class LendingWindowTests
{
    [Theory]
    [InlineData(2024, 1, 1, true)]
    [InlineData(2024, 4, 15, true)]
    [InlineData(2024, 6, 30, true)]
    [InlineData(2024, 7, 1, false)]
    [InlineData(2023, 12, 31, false)]
    public void ByEndOfJuneContainsJanuaryToJuneInclusive(int year, int month, int day, bool expected)
    {
        var window = LendingWindow.ByEndOfJune;

        var contains = window.Contains(new DateOnly(year, month, day));

        Assert.Equal(expected, contains);
    }

    [Fact]
    public void WindowEndingOnTwentyNinthFebruaryIncludesTwentyEighthInCommonYears()
    {
        var window = new LendingWindow(2, 1, 2, 29);

        var contains = window.Contains(new DateOnly(2023, 2, 28));

        Assert.True(contains);
    }

    [Fact]
    public void WellFormedWindowHasNoProblems()
    {
        var window = new LendingWindow(3, 1, 11, 30);

        var problems = window.Validate();

        Assert.Empty(problems);
    }

    [Fact]
    public void WindowWrappingIntoTheNextYearIsReported()
    {
        var window = new LendingWindow(11, 1, 3, 31);

        var problems = window.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void DayThatNoMonthHasIsReported()
    {
        var window = new LendingWindow(1, 1, 6, 31);

        var problems = window.Validate();

        Assert.Single(problems);
    }
}
