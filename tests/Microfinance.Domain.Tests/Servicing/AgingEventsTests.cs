using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class AgingEventsTests
{
    private static readonly DateOnly[] DueDates = [new(2024, 4, 30), new(2024, 7, 31), new(2024, 10, 31)];

    [Fact]
    public void ACurrentLoanIsNextVisitedTheDayAfterItsNextDueDate()
    {
        var next = AgingEvents.NextEventDate(null, DueDates, new DateOnly(2024, 5, 10));

        Assert.Equal(new DateOnly(2024, 8, 1), next);
    }

    [Theory]
    [InlineData(1, 31)]
    [InlineData(30, 31)]
    [InlineData(31, 61)]
    [InlineData(75, 91)]
    public void AnOverdueLoanIsNextVisitedWhenItCrossesIntoTheNextBucket(int daysPastDue, int nextVisitDaysPastDue)
    {
        var oldest = new DateOnly(2024, 4, 30);

        var next = AgingEvents.NextEventDate(oldest, DueDates, oldest.AddDays(daysPastDue));

        Assert.Equal(oldest.AddDays(nextVisitDaysPastDue), next);
    }

    [Fact]
    public void ALoanOverNinetyDaysHasNoFurtherAgingEvent()
    {
        var oldest = new DateOnly(2024, 4, 30);

        var next = AgingEvents.NextEventDate(oldest, DueDates, oldest.AddDays(120));

        Assert.Null(next);
    }

    [Fact]
    public void ALoanDueTodayAndUnpaidIsVisitedTomorrow()
    {
        var next = AgingEvents.NextEventDate(new DateOnly(2024, 4, 30), DueDates, new DateOnly(2024, 4, 30));

        Assert.Equal(new DateOnly(2024, 5, 1), next);
    }
}
