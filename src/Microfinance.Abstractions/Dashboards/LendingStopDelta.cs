namespace Microfinance.Abstractions.Dashboards;

/// <summary>New approvals in the county stopped or resumed, by the NPL stop or by hand.</summary>
[GenerateSerializer, Immutable, Alias("mf.LendingStopDelta")]
public sealed record LendingStopDelta([property: Id(0)] bool LendingStopped) : CountyDashboardDelta;
