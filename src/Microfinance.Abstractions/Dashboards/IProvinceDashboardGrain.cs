namespace Microfinance.Abstractions.Dashboards;

/// <summary>
/// The province's rankings of its counties and their banks, keyed by the province's 12-digit code:
/// each county's dashboard reports its standing here while the province is watched.
/// </summary>
public interface IProvinceDashboardGrain : IGrainWithStringKey
{
    /// <summary>As <see cref="ICountyDashboardGrain.NextAsync"/>, for the province's rankings.</summary>
    Task<ProvinceDashboardUpdate> NextAsync(DashboardCursor? after, TimeSpan wait);

    /// <summary>Takes a county's standing in place of the one held.</summary>
    [Orleans.Concurrency.OneWay]
    Task ReportAsync(CountyStanding standing);
}
