using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Regions;

/// <summary>A registered region of the administrative hierarchy.</summary>
/// <param name="Code">The 12-digit division code (统计用区划代码).</param>
/// <param name="Name">The official name.</param>
/// <param name="CreatedAt">When the region was registered.</param>
/// <param name="Credit">Its standing as a credit township or village; null when it has none.</param>
[GenerateSerializer, Immutable, Alias("mf.RegionRecord")]
public sealed record RegionRecord(
    [property: Id(0)] AdminCode Code,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] CreditDesignation? Credit = null);
