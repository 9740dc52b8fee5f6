using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Servicing;

/// <summary>What one loan adds to the tallies: its outstanding principal, in its overdue bucket.</summary>
/// <param name="FundBacked">The part of <paramref name="Principal"/> its bank's risk-compensation fund backs.</param>
[GenerateSerializer, Immutable, Alias("mf.TallyContribution")]
public sealed record TallyContribution(
    [property: Id(0)] OverdueBucket Bucket,
    [property: Id(1)] Money Principal,
    [property: Id(2)] Money FundBacked);
