using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>The province's rankings as they stand at <paramref name="Revision"/> of view <paramref name="ViewId"/>.</summary>
/// <param name="Counties">Every registered county's standing, in code order.</param>
[GenerateSerializer, Immutable, Alias("mf.ProvinceDashboard")]
public sealed record ProvinceDashboard(
    [property: Id(0)] Guid ViewId,
    [property: Id(1)] long Revision,
    [property: Id(2)] AdminCode Province,
    [property: Id(3)] string Name,
    [property: Id(4)] IReadOnlyList<CountyStanding> Counties);
