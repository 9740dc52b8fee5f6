namespace Microfinance.Abstractions.Dashboards;

/// <summary>The county's figures were computed again (at a day's close, and every few minutes while watched).</summary>
[GenerateSerializer, Immutable, Alias("mf.FiguresDelta")]
public sealed record FiguresDelta([property: Id(0)] IReadOnlyList<ScopeFigures> Figures) : CountyDashboardDelta;
