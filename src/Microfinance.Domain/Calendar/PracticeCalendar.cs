using System.Collections.Immutable;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;

namespace Microfinance.Domain.Calendar;

/// <summary>
/// How far a training or integration environment (培训/联调环境) has moved its business dates ahead
/// of the calendar date in China Standard Time: a number of days per province, and per county on
/// top of its province's, so that a county can run ahead of the rest. A production deployment has
/// none and follows the calendar.
/// </summary>
/// <remarks>
/// Dates move forward only: what was recorded on a date stays in the past, as it would in a real
/// county, so no loan is ever disbursed after "today". A county is never behind its province.
/// </remarks>
public sealed record PracticeCalendar
{
    /// <summary>
    /// The furthest a region's date may run ahead of the calendar: ten years, the longest loan
    /// term with its extensions and claims, so every date stays within what the rules reckon with.
    /// </summary>
    public const int MaxDaysAhead = 3_660;

    private PracticeCalendar(ImmutableDictionary<string, int> daysAhead) => DaysAhead = daysAhead;

    /// <summary>No region moved: every date is the calendar's.</summary>
    public static PracticeCalendar Calendar { get; } = new(ImmutableDictionary<string, int>.Empty);

    /// <summary>
    /// Days ahead by region code: a province's ahead of the calendar, a county's ahead of its
    /// province. Regions not listed are not ahead.
    /// </summary>
    public ImmutableDictionary<string, int> DaysAhead { get; }

    /// <summary>The calendar as stored.</summary>
    /// <exception cref="ArgumentException">An entry is not a province or county, or not 1 to <see cref="MaxDaysAhead"/> days.</exception>
    public static PracticeCalendar From(IReadOnlyDictionary<string, int> daysAhead)
    {
        foreach (var (code, days) in daysAhead)
        {
            if (!AdminCode.TryParse(code, out var region, out _) || region.Level is not (AdminLevel.Province or AdminLevel.County)
                || days is < 1 or > MaxDaysAhead)
            {
                throw new ArgumentException($"Practice calendar entry {code}: {days} days is not a province or county 1 to {MaxDaysAhead} days ahead.", nameof(daysAhead));
            }
        }

        return new PracticeCalendar(daysAhead.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>How many days <paramref name="region"/>'s business date runs ahead of the calendar: its county's (or, for a province, its own).</summary>
    public int DaysAheadOf(AdminCode region) =>
        Own(region.Province) + (region.Level >= AdminLevel.County ? Own(region.County) : 0);

    /// <summary>The business date in <paramref name="region"/> when the calendar says <paramref name="calendarToday"/>.</summary>
    public DateOnly DateIn(AdminCode region, DateOnly calendarToday) => calendarToday.AddDays(DaysAheadOf(region));

    /// <summary>
    /// Moves <paramref name="region"/>'s business date to <paramref name="date"/>. Moving a province
    /// moves each of its counties that is behind <paramref name="date"/> to it; a county already
    /// past it keeps its own date.
    /// </summary>
    /// <param name="region">A province or a county.</param>
    /// <exception cref="RuleViolationException">
    /// <c>PRACTICE_DATE_BACKWARDS</c> before the region's business date; <c>PRACTICE_DATE_TOO_FAR</c>
    /// beyond <see cref="MaxDaysAhead"/> days after the calendar.
    /// </exception>
    public PracticeCalendar MoveTo(AdminCode region, DateOnly date, DateOnly calendarToday)
    {
        RequireProvinceOrCounty(region);
        var current = DateIn(region, calendarToday);
        if (date < current)
        {
            throw new RuleViolationException(
                "PRACTICE_DATE_BACKWARDS",
                $"The business date of {region} is {current:yyyy-MM-dd}; a practice clock moves forward only, so {date:yyyy-MM-dd} cannot be set.");
        }

        var ahead = date.DayNumber - calendarToday.DayNumber;
        CheckWithinReach(ahead, calendarToday);

        if (region.Level == AdminLevel.County)
        {
            return new PracticeCalendar(With(DaysAhead, region, ahead - Own(region.Province)));
        }

        // Each county keeps whatever lead it still has over the province's new date.
        var entries = DaysAhead;
        var province = Own(region);
        foreach (var (code, lead) in DaysAhead)
        {
            var county = AdminCode.Parse(code);
            if (county.Level == AdminLevel.County && county.IsWithin(region))
            {
                entries = With(entries, county, province + lead - ahead);
            }
        }

        return new PracticeCalendar(With(entries, region, ahead));
    }

    /// <summary>
    /// Moves <paramref name="region"/>'s business date <paramref name="days"/> days on; a province's
    /// counties move with it, each keeping any lead it had.
    /// </summary>
    /// <exception cref="RuleViolationException"><c>PRACTICE_DATE_TOO_FAR</c>: some county would run beyond <see cref="MaxDaysAhead"/> days.</exception>
    public PracticeCalendar Advance(AdminCode region, int days, DateOnly calendarToday)
    {
        RequireProvinceOrCounty(region);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var furthest = DaysAhead.Keys
            .Select(AdminCode.Parse)
            .Where(county => county.Level == AdminLevel.County && county.IsWithin(region))
            .Select(DaysAheadOf)
            .Append(DaysAheadOf(region))
            .Max();
        CheckWithinReach(furthest + days, calendarToday);
        return new PracticeCalendar(With(DaysAhead, region, Own(region) + days));
    }

    private static void RequireProvinceOrCounty(AdminCode region)
    {
        if (region.Level is not (AdminLevel.Province or AdminLevel.County))
        {
            throw new ArgumentException("A practice date is set for a province or a county.", nameof(region));
        }
    }

    private static void CheckWithinReach(int daysAhead, DateOnly calendarToday)
    {
        if (daysAhead > MaxDaysAhead)
        {
            throw new RuleViolationException(
                "PRACTICE_DATE_TOO_FAR",
                $"A practice date may run at most {MaxDaysAhead} days ahead of China Standard Time's calendar date ({calendarToday:yyyy-MM-dd}).");
        }
    }

    private int Own(AdminCode region) => DaysAhead.GetValueOrDefault(region.Value);

    private static ImmutableDictionary<string, int> With(ImmutableDictionary<string, int> entries, AdminCode region, int days) =>
        days > 0 ? entries.SetItem(region.Value, days) : entries.Remove(region.Value);

    /// <summary>Equal when every region runs the same number of days ahead.</summary>
    public bool Equals(PracticeCalendar? other) =>
        other is not null && DaysAhead.Count == other.DaysAhead.Count
        && DaysAhead.All(entry => other.DaysAhead.TryGetValue(entry.Key, out var days) && days == entry.Value);

    public override int GetHashCode() => DaysAhead.Count;
}
