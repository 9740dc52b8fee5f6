using Microfinance.Domain.Compensation;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class NoticePeriodTests
{
    private static readonly NoticePeriod SevenDays = new(new DateOnly(2026, 4, 1), 7);

    [Fact]
    public void ASevenDayNoticePostedOnTheFirstStandsThroughTheSeventh()
    {
        var over = (SevenDays.IsOver(new DateOnly(2026, 4, 7)), SevenDays.IsOver(new DateOnly(2026, 4, 8)));

        Assert.Equal((false, true), over);
    }

    [Fact]
    public void TheNoticeEndsTheDayAfterItsLastDay()
    {
        var ends = SevenDays.EndsOn;

        Assert.Equal(new DateOnly(2026, 4, 8), ends);
    }
}
