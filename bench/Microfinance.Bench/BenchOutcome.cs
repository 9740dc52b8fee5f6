namespace Microfinance.Bench;

/// <summary>The headline figures of one transport's measurement in one shape.</summary>
/// <param name="Transport">"grains direct", "through gRPC" or "bank's stream".</param>
/// <param name="Shape">Where the households lived.</param>
/// <param name="Counties">"16 counties" or "one county", for the report.</param>
/// <param name="FullPerSecond">Full originations (apply … disburse) acknowledged per second; null for the bank's stream, which only approves and disburses.</param>
/// <param name="StagePerSecond">Approve+disburse pairs per second, when measured.</param>
/// <param name="Consistent">Whether the after-run check found no difference.</param>
public sealed record BenchOutcome(
    string Transport, OriginationShape Shape, string Counties, double? FullPerSecond, double? StagePerSecond, bool Consistent);
