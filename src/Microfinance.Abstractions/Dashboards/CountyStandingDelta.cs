namespace Microfinance.Abstractions.Dashboards;

/// <summary>A county's standing in the province changed.</summary>
/// <param name="Revision">The province view's revision with this change.</param>
[GenerateSerializer, Immutable, Alias("mf.CountyStandingDelta")]
public sealed record CountyStandingDelta(
    [property: Id(0)] long Revision,
    [property: Id(1)] CountyStanding Standing);
