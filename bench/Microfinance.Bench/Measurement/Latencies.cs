using System.Globalization;

namespace Microfinance.Bench.Measurement;

/// <summary>Latency samples in milliseconds; one worker records, the report merges and summarises.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public void AddRange(Latencies other) => _milliseconds.AddRange(other._milliseconds);

    /// <summary>"p50 12.3 ms  p95 45.6 ms  p99 78.9 ms" (nearest-rank percentiles).</summary>
    public string Summary()
    {
        if (_milliseconds.Count == 0)
        {
            return "no samples";
        }

        var sorted = _milliseconds.Order().ToArray();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {Percentile(sorted, 50),7:F1} ms   p95 {Percentile(sorted, 95),7:F1} ms   p99 {Percentile(sorted, 99),7:F1} ms");
    }

    /// <summary>The nearest-rank percentile, in milliseconds; 0 without samples.</summary>
    public double Percentile(int percent) =>
        _milliseconds.Count == 0 ? 0 : Percentile([.. _milliseconds.Order()], percent);

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
