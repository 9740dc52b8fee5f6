using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>What one loan adds to the tallies: its outstanding principal, in its overdue bucket.</summary>
/// <param name="FundBacked">The part of <paramref name="Principal"/> its bank's risk-compensation fund backs.</param>
public sealed record TallyContribution(
    OverdueBucket Bucket,
    Money Principal,
    Money FundBacked);
