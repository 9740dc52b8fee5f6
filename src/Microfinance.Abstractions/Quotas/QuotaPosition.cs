using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Quotas;

/// <summary>A region's lending quota (指标) and what is committed against it.</summary>
/// <param name="Region">The region.</param>
/// <param name="Allocated">What the level above allocated to it.</param>
/// <param name="AllocatedToSubregions">What it passed on to its subregions.</param>
/// <param name="Reserved">Held by approved, not yet disbursed loans (villages; a township's legal-person share).</param>
/// <param name="Used">Consumed by disbursed loans.</param>
[GenerateSerializer, Immutable, Alias("mf.QuotaPosition")]
public sealed record QuotaPosition(
    [property: Id(0)] AdminCode Region,
    [property: Id(1)] Money Allocated,
    [property: Id(2)] Money AllocatedToSubregions,
    [property: Id(3)] Money Reserved,
    [property: Id(4)] Money Used)
{
    /// <summary>What can still be allocated or lent.</summary>
    public Money Available => Allocated - AllocatedToSubregions - Reserved - Used;
}
