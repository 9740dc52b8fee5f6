namespace Microfinance.Grains.Common;

/// <summary>
/// The business date: the calendar date in China Standard Time (UTC+8, no daylight saving), where
/// every county of the province keeps its books.
/// </summary>
public static class BusinessDay
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
}
