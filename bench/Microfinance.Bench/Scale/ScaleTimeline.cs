using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Microfinance.Bench.Cluster;

namespace Microfinance.Bench.Scale;

/// <summary>
/// When each disbursement was acknowledged and each call retried, over the whole scenario, and the
/// phases it was cut into: a phase's throughput is the acknowledgements within its span.
/// </summary>
public sealed class ScaleTimeline
{
    private readonly ConcurrentQueue<long> _acknowledged = new();
    private readonly ConcurrentQueue<(long At, StatusCode Code)> _retries = new();
    private readonly List<ScalePhase> _phases = [];

    public IReadOnlyList<ScalePhase> Phases => _phases;

    public void Acknowledged(long at) => _acknowledged.Enqueue(at);

    public void Retried(StatusCode code) => _retries.Enqueue((Stopwatch.GetTimestamp(), code));

    /// <summary>Records a phase that ran from <paramref name="from"/> to now.</summary>
    public ScalePhase Close(string name, int silos, long from, IReadOnlyList<SiloProcess> processes, IReadOnlyDictionary<SiloProcess, TimeSpan> cpuAtStart)
    {
        var to = Stopwatch.GetTimestamp();
        var acknowledged = _acknowledged.Count(at => at >= from && at < to);
        var retries = _retries.Where(retry => retry.At >= from && retry.At < to)
            .GroupBy(retry => retry.Code)
            .ToDictionary(group => group.Key, group => group.Count());
        var siloCpu = processes.Sum(silo => (silo.Cpu - cpuAtStart.GetValueOrDefault(silo)).TotalSeconds);
        var phase = new ScalePhase(name, silos, Stopwatch.GetElapsedTime(from, to), acknowledged, retries, siloCpu);
        _phases.Add(phase);
        return phase;
    }
}
