using Microfinance.Abstractions.Funds;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>A fund account's balance or the lending it backs changed.</summary>
[GenerateSerializer, Immutable, Alias("mf.FundDelta")]
public sealed record FundDelta([property: Id(0)] FundPosition Fund) : CountyDashboardDelta;
