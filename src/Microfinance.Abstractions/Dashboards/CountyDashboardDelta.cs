namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// One change to a county's dashboard, numbered by the view: a watcher applies them in revision
/// order on top of the snapshot it holds. Each carries the figures as they are now, not a difference.
/// </summary>
[GenerateSerializer, Immutable, Alias("mf.CountyDashboardDelta")]
public abstract record CountyDashboardDelta
{
    /// <summary>The view's revision with this change: one more than the change before it.</summary>
    [Id(0)]
    public long Revision { get; init; }

    /// <summary>
    /// The county books' revision (<see cref="Servicing.CountyBooks.Revision"/>) the dashboard's
    /// tallies had reached with this change.
    /// </summary>
    [Id(1)]
    public long BooksRevision { get; init; }
}
