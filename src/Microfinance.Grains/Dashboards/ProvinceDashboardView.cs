using Microfinance.Abstractions.Dashboards;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Dashboards;

/// <summary>The province's rankings in memory: each county's standing as it last reported it.</summary>
public sealed class ProvinceDashboardView(AdminCode province, string name)
{
    /// <summary>How many deltas the view keeps for watchers that fall behind.</summary>
    public const int DeltasKept = 1024;

    private readonly SortedDictionary<string, CountyStanding> _counties = new(StringComparer.Ordinal);

    public ViewLog<CountyStandingDelta> Log { get; } = new(DeltasKept);

    /// <summary>Takes the standings read for the snapshot; no deltas, since no watcher has seen the view yet.</summary>
    public void Load(IEnumerable<CountyStanding> standings)
    {
        foreach (var standing in standings)
        {
            _counties[standing.County.Value] = standing;
        }
    }

    /// <summary>Takes a county's standing in place of the one held; one that changed nothing makes no delta.</summary>
    public void Take(CountyStanding standing)
    {
        if (_counties.TryGetValue(standing.County.Value, out var held)
            && held with { Banks = standing.Banks } == standing
            && held.Banks.SequenceEqual(standing.Banks))
        {
            return;
        }

        _counties[standing.County.Value] = standing;
        Log.Append(revision => new CountyStandingDelta(revision, standing));
    }

    public ProvinceDashboard Snapshot() => new(Log.ViewId, Log.Revision, province, name, [.. _counties.Values]);
}
