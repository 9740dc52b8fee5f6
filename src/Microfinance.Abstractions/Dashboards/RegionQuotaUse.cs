using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Dashboards;

/// <summary>A region's quota (指标) on a dashboard, with what loans hold of it within the region.</summary>
/// <param name="Region">The county, a township or a village.</param>
/// <param name="Name">The region's name.</param>
/// <param name="Allocated">What the level above allocated to it.</param>
/// <param name="Reserved">Held by approved, not yet disbursed loans in the region, its subregions' included.</param>
/// <param name="Used">Consumed by disbursed loans in the region, its subregions' included.</param>
[GenerateSerializer, Immutable, Alias("mf.RegionQuotaUse")]
public sealed record RegionQuotaUse(
    [property: Id(0)] AdminCode Region,
    [property: Id(1)] string Name,
    [property: Id(2)] Money Allocated,
    [property: Id(3)] Money Reserved,
    [property: Id(4)] Money Used);
