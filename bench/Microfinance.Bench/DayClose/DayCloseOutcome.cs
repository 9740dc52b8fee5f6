namespace Microfinance.Bench.DayClose;

/// <summary>The headline figures of one day-close measurement.</summary>
/// <param name="Busy">The close of the measured day, with its events.</param>
/// <param name="Quiet">The close of the day after, with none.</param>
/// <param name="Consistent">Whether the tallies after the close are what the loan book says they must be.</param>
public sealed record DayCloseOutcome(CloseMeasurement Busy, CloseMeasurement Quiet, bool Consistent);
