using Microfinance.Domain.Identity;

namespace Microfinance.Abstractions.LegalPersons;

/// <summary>A registered legal-person borrower.</summary>
[GenerateSerializer, Immutable, Alias("mf.LegalPersonRecord")]
public sealed record LegalPersonRecord(
    [property: Id(0)] UnifiedSocialCreditCode CreditCode,
    [property: Id(1)] LegalPersonProfile Profile,
    [property: Id(2)] DateTimeOffset CreatedAt);
