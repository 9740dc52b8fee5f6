using Microfinance.Domain.Servicing;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="TallyContribution"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class TallyContributionCodec(IValueSerializer<TallyContributionSurrogate> surrogates)
    : RecordFormCodec<TallyContribution, TallyContributionSurrogate>(surrogates)
{
    protected override TallyContributionSurrogate ToSurrogate(TallyContribution value) => new()
    {
        Bucket = value.Bucket,
        Principal = value.Principal,
        FundBacked = value.FundBacked,
    };

    protected override TallyContribution FromSurrogate(in TallyContributionSurrogate surrogate) =>
        new(surrogate.Bucket, surrogate.Principal, surrogate.FundBacked);
}
