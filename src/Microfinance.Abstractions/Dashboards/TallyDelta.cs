using Microfinance.Abstractions.Servicing;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>One overdue tally changed: <c>county</c>, <c>township:{code}</c>, <c>village:{code}</c> or <c>bank:{code}</c>.</summary>
[GenerateSerializer, Immutable, Alias("mf.TallyDelta")]
public sealed record TallyDelta(
    [property: Id(0)] string Key,
    [property: Id(1)] Tally Figures) : CountyDashboardDelta;
