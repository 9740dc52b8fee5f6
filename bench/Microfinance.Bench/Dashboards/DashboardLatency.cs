using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Microfinance.Api.V1;
using Microfinance.Bench.Measurement;
using Microfinance.Bench.Platforms;
using Microfinance.Domain.Regions;

namespace Microfinance.Bench.Dashboards;

/// <summary>
/// Event-to-dashboard latency: watchers of every county's dashboard (the real gRPC WatchCounty)
/// follow the run, each counting the loans its dashboard shows disbursed this season, while the
/// workers note when each disbursement was acknowledged. The k-th disbursement acknowledged in a
/// county is matched with the moment a watcher's count reached k: its latency is how much later
/// the watcher saw it, and 0 when the watcher saw it first (the event is published before the
/// acknowledgement travels back).
/// </summary>
public sealed class DashboardLatency
{
    /// <summary>How long after the load the watchers are given to catch up before they close.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _acknowledged = new();
    private readonly List<Watcher> _watchers = [];
    private readonly CancellationTokenSource _stop = new();

    private DashboardLatency()
    {
    }

    /// <summary>Opens <paramref name="perCounty"/> watches of each county and waits for their snapshots.</summary>
    public static async Task<DashboardLatency> StartAsync(GrpcPlatform platform, IReadOnlyList<AdminCode> counties, int perCounty)
    {
        var latency = new DashboardLatency();
        foreach (var county in counties)
        {
            latency._acknowledged[county.Value] = new ConcurrentQueue<long>();
            for (var i = 0; i < perCounty; i++)
            {
                latency._watchers.Add(new Watcher(county.Value, platform.DashboardsFor(latency._watchers.Count), latency._stop.Token));
            }
        }

        await Task.WhenAll(latency._watchers.Select(watcher => watcher.Started));
        return latency;
    }

    /// <summary>Notes that a disbursement in <paramref name="village"/>'s county was acknowledged now.</summary>
    public void Acknowledged(string village) =>
        _acknowledged[AdminCode.Parse(village).County.Value].Enqueue(Stopwatch.GetTimestamp());

    /// <summary>Lets the watchers catch up, closes them and prints the latencies.</summary>
    public async Task StopAndPrintAsync()
    {
        await Task.Delay(Grace);
        await _stop.CancelAsync();
        await Task.WhenAll(_watchers.Select(watcher => watcher.Finished));

        var latencies = new Latencies();
        var unseen = 0;
        var snapshots = 0;
        foreach (var watcher in _watchers)
        {
            var acknowledged = _acknowledged[watcher.County].Order().ToArray();
            snapshots += watcher.Snapshots;
            for (var k = 1; k <= acknowledged.Length; k++)
            {
                if (watcher.FirstSeen(watcher.StartCount + k) is { } seen)
                {
                    latencies.Add(seen > acknowledged[k - 1] ? Stopwatch.GetElapsedTime(acknowledged[k - 1], seen) : TimeSpan.Zero);
                }
                else
                {
                    unseen++;
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"event-to-dashboard latency ({_watchers.Count} watches over {_acknowledged.Count} counties, "
            + $"{latencies.Count} disbursements seen): {latencies.Summary()}   max {latencies.Percentile(100):F1} ms");
        Console.WriteLine($"  target p99 < 500 ms: {(latencies.Count > 0 && latencies.Percentile(99) < 500 ? "met" : "NOT met")}; "
            + $"{unseen} acknowledged disbursements never shown; {snapshots - _watchers.Count} snapshots after the first");
    }

    /// <summary>One watch: counts the loans its county's dashboard shows disbursed, with when each count was reached.</summary>
    private sealed class Watcher
    {
        private readonly List<(long At, int Loans)> _counts = [];
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<string, int> _season = [];

        public Watcher(string county, DashboardService.DashboardServiceClient dashboards, CancellationToken stop)
        {
            County = county;
            Finished = RunAsync(dashboards, stop);
        }

        public string County { get; }

        public Task Started => _started.Task;

        public Task Finished { get; }

        /// <summary>The loans shown when the watch began.</summary>
        public int StartCount { get; private set; }

        public int Snapshots { get; private set; }

        /// <summary>When the count first reached <paramref name="loans"/>; null if it never did.</summary>
        public long? FirstSeen(int loans)
        {
            var at = _counts.FindIndex(count => count.Loans >= loans);
            return at < 0 ? null : _counts[at].At;
        }

        private async Task RunAsync(DashboardService.DashboardServiceClient dashboards, CancellationToken stop)
        {
            try
            {
                using var watch = dashboards.WatchCounty(new WatchCountyRequest { CountyCode = County }, cancellationToken: stop);
                await foreach (var update in watch.ResponseStream.ReadAllAsync(stop))
                {
                    var at = Stopwatch.GetTimestamp();
                    if (update.Snapshot is { } snapshot)
                    {
                        Snapshots++;
                        _season.Clear();
                        foreach (var day in snapshot.Season)
                        {
                            _season[day.Date] = day.Loans;
                        }
                    }
                    else if (update.Delta?.LendingDay is { } day)
                    {
                        _season[day.Date] = day.Loans;
                    }
                    else
                    {
                        continue;
                    }

                    var loans = _season.Values.Sum();
                    if (!_started.Task.IsCompleted)
                    {
                        StartCount = loans;
                        _started.SetResult();
                    }

                    _counts.Add((at, loans));
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The run is over.
            }
            catch (Exception failure)
            {
                _started.TrySetException(failure);
                throw;
            }
        }
    }
}
