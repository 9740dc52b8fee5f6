using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Servicing;

/// <summary>What one loan adds to the tallies: its outstanding principal, in its overdue bucket.</summary>
[GenerateSerializer, Immutable, Alias("mf.TallyContribution")]
public sealed record TallyContribution(
    [property: Id(0)] OverdueBucket Bucket,
    [property: Id(1)] Money Principal);
