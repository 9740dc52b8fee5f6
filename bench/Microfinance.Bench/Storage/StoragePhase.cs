using System.Globalization;
using Microfinance.Bench.Measurement;

namespace Microfinance.Bench.Storage;

/// <summary>One timed phase of the storage benchmark on one provider.</summary>
/// <param name="Label">"1024 grains" or "1 hot grain".</param>
/// <param name="Writes">Writes acknowledged within the window.</param>
/// <param name="Window">The timed window.</param>
/// <param name="Latency">Each acknowledged write's latency, as its caller saw it.</param>
/// <param name="Commits">Transactions the database committed meanwhile (pg_stat_database.xact_commit).</param>
/// <param name="Errors">Writes that failed.</param>
/// <param name="Cpu">Who used the cores.</param>
public sealed record StoragePhase(string Label, int Writes, TimeSpan Window, Latencies Latency, long Commits, int Errors, string Cpu)
{
    public double PerSecond => Writes / Window.TotalSeconds;

    public double CommitsPerWrite => Writes == 0 ? 0 : (double)Commits / Writes;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PerSecond,9:N0} writes/s   {Latency.Summary()}   {CommitsPerWrite:F3} commits/write   {Errors} errors");
}
