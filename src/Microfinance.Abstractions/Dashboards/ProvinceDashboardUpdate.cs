namespace Microfinance.Abstractions.Dashboards;

/// <summary>What a watcher of the province gets from its next poll, as <see cref="CountyDashboardUpdate"/> for a county.</summary>
[GenerateSerializer, Immutable, Alias("mf.ProvinceDashboardUpdate")]
public sealed record ProvinceDashboardUpdate(
    [property: Id(0)] ProvinceDashboard? Snapshot,
    [property: Id(1)] IReadOnlyList<CountyStandingDelta> Deltas);
