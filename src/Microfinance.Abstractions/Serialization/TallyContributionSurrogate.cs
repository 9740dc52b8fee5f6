using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of what one loan adds to the tallies: the fields and ids its record had when it was itself serialized as <c>mf.TallyContribution</c>.</summary>
[GenerateSerializer, Alias("mf.TallyContribution.Surrogate")]
public struct TallyContributionSurrogate
{
    [Id(0)]
    public OverdueBucket Bucket;

    [Id(1)]
    public Money Principal;

    [Id(2)]
    public Money FundBacked;
}
