using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>A legal-person borrower (新型农业经营主体) was registered in the county.</summary>
/// <param name="CreditCode">Its unified social credit code.</param>
/// <param name="Name">Its registered name.</param>
/// <param name="Kind">The kind of business.</param>
[GenerateSerializer, Immutable, Alias("mf.LegalPersonRegistered")]
public sealed record LegalPersonRegistered(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string CreditCode,
    [property: Id(1)] string Name,
    [property: Id(2)] LegalPersonKind Kind) : CountyEvent(County, OccurredAt);
