using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microfinance.Storage;

namespace Microfinance.Bench.Measurement;

/// <summary>
/// Listens to the batching storage's metrics (<see cref="StorageMetrics"/>) in this process, so a
/// phase can say how big the batches were and how long a grain waited for its write.
/// </summary>
public sealed class StorageMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private ConcurrentQueue<(string Instrument, string Operation, double Value)> _samples = new();

    public StorageMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Forgets what was measured so far.</summary>
    public void Reset() => _samples = new();

    /// <summary>"writes: 412 batches of 15.3 rows, batch p50 2.1 ms, a write waited p50 4.0 / p99 12.0 ms" for one operation.</summary>
    public string Describe(string operation)
    {
        var samples = _samples.Where(sample => sample.Operation == operation).ToList();
        var rows = samples.Where(sample => sample.Instrument == StorageMetrics.BatchRows).Select(sample => sample.Value).ToList();
        if (rows.Count == 0)
        {
            return $"{operation}s: none";
        }

        var batch = Sorted(samples, StorageMetrics.BatchDuration);
        var request = Sorted(samples, StorageMetrics.RequestDuration);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{operation}s: {rows.Count:N0} batches of {rows.Average():F1} rows, a batch took p50 {Percentile(batch, 50):F1} ms, "
            + $"a {operation} waited p50 {Percentile(request, 50):F1} / p99 {Percentile(request, 99):F1} ms");
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "operation")
            {
                _samples.Enqueue((instrument.Name, (string)tag.Value!, value));
            }
        }
    }

    private static double[] Sorted(List<(string Instrument, string Operation, double Value)> samples, string instrument) =>
        [.. samples.Where(sample => sample.Instrument == instrument).Select(sample => sample.Value).Order()];

    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
