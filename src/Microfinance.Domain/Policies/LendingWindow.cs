namespace Microfinance.Domain.Policies;

/// <summary>
/// The part of each calendar year in which new microloans may be disbursed, both ends inclusive,
/// e.g. 1 January – 30 June for "今年扶贫小额贷款必须在6月底之前全部发放到户" (篇1 ㈤).
/// </summary>
/// <remarks>The window lies within one calendar year: it cannot wrap from December into January.</remarks>
public sealed record LendingWindow(int StartMonth, int StartDay, int EndMonth, int EndDay)
{
    // A leap year, so that a window may end on 29 February.
    private const int LeapYear = 2000;

    /// <summary>1 January – 30 June: the year's microloans disbursed by the end of June (篇1).</summary>
    public static LendingWindow ByEndOfJune { get; } = new(1, 1, 6, 30);

    /// <summary>Whether <paramref name="date"/> falls within the window in its own year.</summary>
    public bool Contains(DateOnly date)
    {
        // Comparing (month, day) pairs rather than building dates keeps an end of 29 February
        // meaningful in common years too.
        var day = (date.Month, date.Day);
        return Compare(day, (StartMonth, StartDay)) >= 0 && Compare(day, (EndMonth, EndDay)) <= 0;
    }

    /// <summary>What is wrong with the window, each without naming it (e.g. "start 2-30 is not a day of the year."); empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var startValid = IsCalendarDay(StartMonth, StartDay);
        var endValid = IsCalendarDay(EndMonth, EndDay);
        if (!startValid)
        {
            problems.Add($"start {StartMonth}-{StartDay} is not a day of the year.");
        }

        if (!endValid)
        {
            problems.Add($"end {EndMonth}-{EndDay} is not a day of the year.");
        }

        if (startValid && endValid && Compare((StartMonth, StartDay), (EndMonth, EndDay)) > 0)
        {
            problems.Add($"start {StartMonth}-{StartDay} is after its end {EndMonth}-{EndDay}; a window lies within one calendar year.");
        }

        return problems;
    }

    public override string ToString() => $"{StartMonth:00}-{StartDay:00} – {EndMonth:00}-{EndDay:00}";

    private static bool IsCalendarDay(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(LeapYear, month);

    private static int Compare((int Month, int Day) a, (int Month, int Day) b) =>
        a.Month != b.Month ? a.Month.CompareTo(b.Month) : a.Day.CompareTo(b.Day);
}
