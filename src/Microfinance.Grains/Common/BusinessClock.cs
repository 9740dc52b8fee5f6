namespace Microfinance.Grains.Common;

/// <summary>
/// The platform's business time, apart from the runtime's own clock so that tests (and the coming
/// per-county business dates) can move it without moving Orleans' timers. The business date is the
/// calendar date in China Standard Time (UTC+8, no daylight saving), where every county keeps its books.
/// </summary>
public sealed class BusinessClock(TimeProvider time)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's business date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
}
