namespace Microfinance.Abstractions.Dashboards;

/// <summary>A day of the season's lending changed: loans went out on it.</summary>
[GenerateSerializer, Immutable, Alias("mf.LendingDayDelta")]
public sealed record LendingDayDelta([property: Id(0)] LendingDay Day) : CountyDashboardDelta;
