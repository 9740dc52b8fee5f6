using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>The county itself, or a township or village in it, was registered.</summary>
/// <param name="Region">The region's 12-digit code.</param>
/// <param name="Name">The region's name.</param>
[GenerateSerializer, Immutable, Alias("mf.RegionRegistered")]
public sealed record RegionRegistered(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] AdminCode Region,
    [property: Id(1)] string Name) : CountyEvent(County, OccurredAt);
