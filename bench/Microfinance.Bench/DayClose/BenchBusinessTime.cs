namespace Microfinance.Bench.DayClose;

/// <summary>
/// The silos' business time in the day-close benchmark: the running clock shifted so that the
/// business date is the one the run is at. Days close once they are over, so the run moves the
/// date on a day at a time, as midnight would; Orleans' own timers keep the real clock.
/// </summary>
public sealed class BenchBusinessTime : TimeProvider
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private long _offsetTicks;

    public BenchBusinessTime(DateOnly today) => MoveTo(today);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Makes it 10:00 China time on <paramref name="today"/>, from where time runs on.</summary>
    public void MoveTo(DateOnly today)
    {
        var target = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), ChinaStandardTime);
        Interlocked.Exchange(ref _offsetTicks, (target - System.GetUtcNow()).Ticks);
    }
}
