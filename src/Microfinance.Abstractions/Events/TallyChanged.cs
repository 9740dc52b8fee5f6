using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>One of the county's overdue tallies changed: a loan was disbursed, repaid or aged.</summary>
/// <param name="Key">Which tally: <c>county</c>, <c>township:{code}</c>, <c>village:{code}</c> or <c>bank:{code}</c>.</param>
/// <param name="Figures">The tally now.</param>
/// <param name="Revision">
/// The books' change number: concurrent changes may publish out of order, so a dashboard keeps, per
/// key, the figures of the highest revision it saw.
/// </param>
[GenerateSerializer, Immutable, Alias("mf.TallyChanged")]
public sealed record TallyChanged(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string Key,
    [property: Id(1)] Tally Figures,
    [property: Id(2)] long Revision) : CountyEvent(County, OccurredAt);
