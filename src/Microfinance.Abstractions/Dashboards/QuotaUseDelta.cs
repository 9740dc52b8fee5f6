namespace Microfinance.Abstractions.Dashboards;

/// <summary>Quota use changed in a village or township, and so within the regions above it, which are listed too.</summary>
[GenerateSerializer, Immutable, Alias("mf.QuotaUseDelta")]
public sealed record QuotaUseDelta([property: Id(0)] IReadOnlyList<RegionQuotaUse> Regions) : CountyDashboardDelta;
