namespace Microfinance.Abstractions.Dashboards;

/// <summary>The county closed a business day (日终).</summary>
[GenerateSerializer, Immutable, Alias("mf.BusinessDayDelta")]
public sealed record BusinessDayDelta([property: Id(0)] DateOnly LastClosed) : CountyDashboardDelta;
