namespace Microfinance.Abstractions.Dashboards;

/// <summary>A claim took a step; one no longer <see cref="ClaimInProgress.InProgress"/> leaves the list.</summary>
[GenerateSerializer, Immutable, Alias("mf.ClaimDelta")]
public sealed record ClaimDelta([property: Id(0)] ClaimInProgress Claim) : CountyDashboardDelta;
