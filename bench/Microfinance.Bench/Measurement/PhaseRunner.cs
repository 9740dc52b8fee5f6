using System.Diagnostics;
using Microfinance.Bench.Setup;
using Microfinance.Silo.Hosting;

namespace Microfinance.Bench.Measurement;

/// <summary>
/// Runs one phase's workers side by side for a window, and measures around them: the database's
/// counters, the CPU, the storage's batches and the households registered meanwhile.
/// </summary>
/// <param name="pools">Every worker's households, whose on-demand registrations the phase reports.</param>
/// <param name="warmupSeconds">Length of a warm-up; 0 when there are none.</param>
public sealed class PhaseRunner(BenchDatabase database, HouseholdPool[] pools, GrainStorageProvider storage, int warmupSeconds)
{
    // Statistics reach pg_stat_* when a backend goes idle, at most once a second.
    private static readonly TimeSpan StatisticsDelay = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// An untimed run of a phase's work just before the phase is timed: the first seconds of a
    /// kind of work after start-up went at about half speed (the JIT compiling its path, among
    /// others), which a silo in service has long been past. Its loans are real and count in the
    /// consistency check.
    /// </summary>
    public async Task<PhaseResult> WarmUpAsync(
        string work, int workers, Func<int, TimeSpan, long, Task<WorkerTally>> worker, CancellationToken ct)
    {
        var warmup = await MeasureAsync(
            $"warm-up, not counted ({work})", TimeSpan.FromSeconds(warmupSeconds), workers, worker, ct);
        var ranDry = warmup.ClientsRanDry > 0 ? $" ({warmup.ClientsRanDry} workers ran out of prepared loans)" : "";
        Console.WriteLine($"  {warmup.InWindow:N0} loans disbursed, {warmup.PerSecond:F1}/s{ranDry}");
        return warmup;
    }

    /// <summary>
    /// Runs <paramref name="workers"/> workers at once, each given its number, the window and the
    /// moment it opened, and measures the phase around them.
    /// </summary>
    public async Task<PhaseResult> MeasureAsync(
        string name, TimeSpan window, int workers, Func<int, TimeSpan, long, Task<WorkerTally>> worker, CancellationToken ct)
    {
        await Task.Delay(StatisticsDelay, ct);
        var before = await database.ReadCountersAsync(ct);
        foreach (var pool in pools)
        {
            pool.ResetCounters();
        }

        Console.WriteLine();
        Console.WriteLine($"{name}: {window.TotalSeconds:F0} s ...");
        using var meter = new StorageMeter();
        var cpuBefore = CpuSample.Take();
        var start = Stopwatch.GetTimestamp();
        var tallies = await Task.WhenAll(Enumerable.Range(0, workers).Select(client =>
            Task.Run(() => worker(client, window, start), ct)));
        var cpu = CpuSample.Take().DescribeSince(cpuBefore);

        await Task.Delay(StatisticsDelay, ct);
        var after = await database.ReadCountersAsync(ct);
        return new PhaseResult(name, window, tallies)
        {
            Before = before,
            After = after,
            Cpu = cpu,
            Storage = storage == GrainStorageProvider.Batched
                ? [meter.Describe("write"), meter.Describe("read")]
                : null,
            HouseholdsRegisteredDuring = pools.Sum(pool => pool.RegisteredOnDemand),
        };
    }
}
