using System.Diagnostics;
using Microfinance.Bench.Measurement;
using Microfinance.Bench.Platforms;
using Microfinance.Silo.Hosting;

namespace Microfinance.Bench.Storage;

/// <summary>
/// Grain-state writes through one provider: a silo configured as the PostgreSQL profile, probe
/// grains writing back to back in parallel (64, 256, 1,024 of them), then one hot grain.
/// </summary>
public sealed class StorageBenchmark(StorageOptions options, GrainStorageProvider provider)
{
    private const int HotGrain = -1;

    // Backends report their statistics when they go idle, at most once a second.
    private static readonly TimeSpan StatisticsDelay = TimeSpan.FromMilliseconds(1500);

    public async Task<IReadOnlyList<StoragePhase>> RunAsync(CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"=== grain storage: {provider}, {options.PayloadBytes}-byte states, {options.Seconds} s per phase ===");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, options.KeepDatabase, null, ct);
        var settings = await database.ReadSettingsAsync(ct);
        Console.WriteLine($"SHOW fsync: {settings.Fsync}   SHOW synchronous_commit: {settings.SynchronousCommit}");
        if (!settings.Durable)
        {
            Console.WriteLine("WARNING: durability is OFF on this server; these figures do not count.");
        }

        await using var platform = await GrainPlatform.StartAsync(database.SiloConnectionString, 1, provider, ct);

        // Activation (a read) and the first write (an insert) happen here, not in the timed phases.
        var grains = options.GrainCounts.Max();
        await Task.WhenAll(Enumerable.Range(0, grains).Append(HotGrain)
            .Select(key => platform.Grains.GetGrain<IStorageProbeGrain>(key).WriteAsync(0, options.PayloadBytes)));

        var phases = new List<StoragePhase>();
        foreach (var count in options.GrainCounts)
        {
            phases.Add(await MeasureAsync($"{count} grains", platform, Enumerable.Range(0, count).ToArray(), database, ct));
        }

        phases.Add(await MeasureAsync("1 hot grain", platform, [HotGrain], database, ct));
        return phases;
    }

    private async Task<StoragePhase> MeasureAsync(
        string label, IPlatform platform, int[] keys, BenchDatabase database, CancellationToken ct)
    {
        await Task.Delay(StatisticsDelay, ct);
        var before = await database.ReadCountersAsync(ct);
        var window = TimeSpan.FromSeconds(options.Seconds);
        var cpuBefore = CpuSample.Take();
        var start = Stopwatch.GetTimestamp();
        var tallies = await Task.WhenAll(keys.Select(key =>
            Task.Run(() => WriteBackToBackAsync(platform.Grains.GetGrain<IStorageProbeGrain>(key), start, window), ct)));
        var cpu = CpuSample.Take().DescribeSince(cpuBefore);
        await Task.Delay(StatisticsDelay, ct);
        var after = await database.ReadCountersAsync(ct);

        var latency = new Latencies();
        foreach (var tally in tallies)
        {
            latency.AddRange(tally.Latency);
        }

        var phase = new StoragePhase(
            label, tallies.Sum(tally => tally.Writes), window, latency, after.Commits - before.Commits, tallies.Sum(tally => tally.Errors), cpu);
        Console.WriteLine($"  {label,-14}{phase.Describe()}");
        Console.WriteLine($"  {"",-14}CPU: {cpu}");
        return phase;
    }

    private async Task<WriterTally> WriteBackToBackAsync(IStorageProbeGrain grain, long start, TimeSpan window)
    {
        var tally = new WriterTally();
        for (var sequence = 1; Stopwatch.GetElapsedTime(start) < window; sequence++)
        {
            var begin = Stopwatch.GetTimestamp();
            try
            {
                await grain.WriteAsync(sequence, options.PayloadBytes);
            }
            catch (Exception)
            {
                tally.Errors++;
                continue;
            }

            // Only writes acknowledged within the window count.
            if (Stopwatch.GetElapsedTime(start) <= window)
            {
                tally.Writes++;
                tally.Latency.Add(Stopwatch.GetElapsedTime(begin));
            }
        }

        return tally;
    }

    private sealed class WriterTally
    {
        public int Writes { get; set; }

        public int Errors { get; set; }

        public Latencies Latency { get; } = new();
    }
}
