namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// A county's live dashboard, keyed by the county's 12-digit code: built from the county's grains
/// when first watched, then kept current from the county's event stream. Watchers poll it; it keeps
/// a bounded run of recent deltas, so a watcher that falls behind gets a snapshot instead, and
/// nothing a watcher does can hold up the county's lending.
/// </summary>
public interface ICountyDashboardGrain : IGrainWithStringKey
{
    /// <summary>
    /// The changes after <paramref name="after"/>, waiting up to <paramref name="wait"/> for the first
    /// one; or a snapshot, when <paramref name="after"/> is null, names another view, or is further
    /// behind than the view keeps.
    /// </summary>
    Task<CountyDashboardUpdate> NextAsync(DashboardCursor? after, TimeSpan wait);

    /// <summary>
    /// The county's line in the province's rankings. From then on, for a while, the dashboard reports
    /// its changes to the province's dashboard, which asks again before that while watched.
    /// </summary>
    Task<CountyStanding> GetStandingAsync();
}
