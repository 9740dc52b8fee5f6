namespace Microfinance.Bench.DayClose;

/// <summary>One business day closed in every county at once.</summary>
/// <param name="Day">The day closed.</param>
/// <param name="Wall">From the first county's close call to the last one's answer.</param>
/// <param name="Visited">Loans the counties visited, summed (each county's books count their last close's visits).</param>
/// <param name="SlowestCounty">The longest single county's close.</param>
/// <param name="MedianCounty">The median county's close.</param>
public sealed record CloseMeasurement(DateOnly Day, TimeSpan Wall, int Visited, TimeSpan SlowestCounty, TimeSpan MedianCounty)
{
    public double LoansPerSecond => Wall > TimeSpan.Zero ? Visited / Wall.TotalSeconds : 0;
}
