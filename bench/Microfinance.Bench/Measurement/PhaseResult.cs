using Microfinance.Bench.Origination;

namespace Microfinance.Bench.Measurement;

/// <summary>One timed phase: the merged worker tallies and the server counters around it.</summary>
public sealed class PhaseResult(string name, TimeSpan window, IReadOnlyList<WorkerTally> tallies)
{
    public string Name { get; } = name;

    /// <summary>The timed window: workers start no new loan after it closes.</summary>
    public TimeSpan Window { get; } = window;

    public int InWindow { get; } = tallies.Sum(tally => tally.InWindow);

    /// <summary>
    /// The time the counted loans took: the window, or less when every worker ran out of prepared
    /// loans before it closed (then up to the last acknowledgement).
    /// </summary>
    public TimeSpan Measured { get; } = tallies.All(tally => tally.RanDry) && tallies.Count > 0
        ? tallies.Max(tally => tally.LastInWindow)
        : window;

    public double PerSecond => Measured > TimeSpan.Zero ? InWindow / Measured.TotalSeconds : 0;

    public IReadOnlyList<LoanOrder> Disbursed { get; } = [.. tallies.SelectMany(tally => tally.Disbursed)];

    public IReadOnlyList<LoanOrder> Uncertain { get; } = [.. tallies.SelectMany(tally => tally.Uncertain)];

    /// <summary>The workers that ran the phase, one tally each.</summary>
    public int Workers { get; } = tallies.Count;

    public int ClientsRanDry { get; } = tallies.Count(tally => tally.RanDry);

    public IReadOnlyDictionary<string, int> Errors { get; } = tallies
        .SelectMany(tally => tally.Errors)
        .GroupBy(error => error.Key)
        .ToDictionary(group => group.Key, group => group.Sum(error => error.Value));

    public Latencies Full { get; } = Merge(tallies, tally => tally.Full);

    public Latencies Apply { get; } = Merge(tallies, tally => tally.Apply);

    public Latencies Review { get; } = Merge(tallies, tally => tally.Review);

    public Latencies Approve { get; } = Merge(tallies, tally => tally.Approve);

    public Latencies Disburse { get; } = Merge(tallies, tally => tally.Disburse);

    public Latencies ApproveDisburse { get; } = Merge(tallies, tally => tally.ApproveDisburse);

    public int HouseholdsRegisteredDuring { get; init; }

    public required DatabaseCounters Before { get; init; }

    public required DatabaseCounters After { get; init; }

    public required string Cpu { get; init; }

    /// <summary>The batching storage's batches and waits, or null when the silos use another provider.</summary>
    public required IReadOnlyList<string>? Storage { get; init; }

    private static Latencies Merge(IEnumerable<WorkerTally> tallies, Func<WorkerTally, Latencies> pick)
    {
        var merged = new Latencies();
        foreach (var tally in tallies)
        {
            merged.AddRange(pick(tally));
        }

        return merged;
    }
}
