namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// How far a watcher has followed a dashboard: the view it took its snapshot of and the last revision
/// it applied. A dashboard rebuilt since (its grain moved after a silo died, or it found a gap in
/// what it heard) has another view id, and the watcher gets a fresh snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("mf.DashboardCursor")]
public sealed record DashboardCursor(
    [property: Id(0)] Guid ViewId,
    [property: Id(1)] long Revision);
