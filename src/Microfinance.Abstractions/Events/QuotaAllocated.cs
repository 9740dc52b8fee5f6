using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>
/// The level above set a region's quota (指标): the province the county's, the county a
/// township's, a township a village's. The parent's share passed on below changes by the same
/// step, so the child's event tells both.
/// </summary>
/// <param name="Region">The county, township or village whose quota was set.</param>
/// <param name="Allocated">Its quota now (replacing, not adding to, what it had).</param>
/// <param name="Actor">Who set it.</param>
[GenerateSerializer, Immutable, Alias("mf.QuotaAllocated")]
public sealed record QuotaAllocated(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] AdminCode Region,
    [property: Id(1)] Money Allocated,
    [property: Id(2)] string Actor) : CountyEvent(County, OccurredAt);
