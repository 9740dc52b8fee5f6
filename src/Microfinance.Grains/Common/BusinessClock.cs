using Microfinance.Abstractions.Calendar;
using Microfinance.Domain.Calendar;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Common;

/// <summary>
/// The platform's business time, apart from the runtime's own clock so that tests can move it
/// without moving Orleans' timers. The business date is the calendar date in China Standard Time
/// (UTC+8, no daylight saving), where every county keeps its books; in a training or integration
/// environment the practice clock (<see cref="IPracticeClockGrain"/>) may run a province or a
/// county ahead of it, and every silo follows it here.
/// </summary>
public sealed class BusinessClock(TimeProvider time)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly Lock _following = new();
    private PracticeDates _practice = PracticeDates.None;
    private PracticeCalendar _calendar = PracticeCalendar.Calendar;

    /// <summary>The current instant. Practice dates do not move it: records keep when they were really made.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's calendar date in China Standard Time: the business date wherever no practice date is set.</summary>
    public DateOnly CalendarToday => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    /// <summary>The practice calendar this silo follows (<see cref="PracticeDates.None"/> in production).</summary>
    public PracticeDates Practice => Volatile.Read(ref _practice);

    /// <summary>
    /// Today's business date in <paramref name="region"/>: its county's, or for a province its own.
    /// Every rule that asks what day it is asks it of the region it applies in.
    /// </summary>
    public DateOnly TodayIn(AdminCode region) => CalendarToday.AddDays(DaysAheadIn(region));

    /// <summary>How many days <paramref name="region"/>'s business date runs ahead of <see cref="CalendarToday"/>: 0 in production.</summary>
    public int DaysAheadIn(AdminCode region) => Volatile.Read(ref _calendar).DaysAheadOf(region);

    /// <summary>Follows <paramref name="dates"/>, unless this silo already follows a later revision.</summary>
    public void Follow(PracticeDates dates)
    {
        lock (_following)
        {
            if (dates.Revision <= _practice.Revision)
            {
                return;
            }

            Volatile.Write(ref _calendar, PracticeCalendar.From(dates.DaysAhead));
            Volatile.Write(ref _practice, dates);
        }
    }
}
