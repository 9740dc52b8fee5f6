namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// What a watcher gets from its next poll: a snapshot when it has none of the current view (or fell
/// further behind than the view keeps), else the deltas after its cursor, possibly none when
/// nothing changed while it waited.
/// </summary>
/// <param name="Snapshot">The dashboard to start again from; null when <paramref name="Deltas"/> follow on from the cursor.</param>
/// <param name="Deltas">The changes after the cursor (or after the snapshot), in revision order.</param>
[GenerateSerializer, Immutable, Alias("mf.CountyDashboardUpdate")]
public sealed record CountyDashboardUpdate(
    [property: Id(0)] CountyDashboard? Snapshot,
    [property: Id(1)] IReadOnlyList<CountyDashboardDelta> Deltas);
