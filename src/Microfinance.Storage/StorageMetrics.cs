using System.Diagnostics.Metrics;

namespace Microfinance.Storage;

/// <summary>
/// What the batching storage reports (meter <c>Microfinance.Storage</c>): how big its batches are,
/// how long the database takes with them, and how long a grain waits for its read or write,
/// queueing included. Each measurement is tagged with the operation (<c>write</c> or <c>read</c>).
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "Microfinance.Storage";

    /// <summary>Rows per batch.</summary>
    public const string BatchRows = "microfinance.storage.batch.rows";

    /// <summary>One batch's round trip to the database, in milliseconds.</summary>
    public const string BatchDuration = "microfinance.storage.batch.duration";

    /// <summary>From a grain's request to its answer, in milliseconds.</summary>
    public const string RequestDuration = "microfinance.storage.request.duration";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<int> Rows = Meter.CreateHistogram<int>(BatchRows, "{row}");

    internal static readonly Histogram<double> Batch = Meter.CreateHistogram<double>(BatchDuration, "ms");

    internal static readonly Histogram<double> Request = Meter.CreateHistogram<double>(RequestDuration, "ms");
}
