using Microfinance.Domain.Servicing;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="RepaymentTerms"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class RepaymentTermsCodec(IValueSerializer<RepaymentTermsSurrogate> surrogates)
    : RecordFormCodec<RepaymentTerms, RepaymentTermsSurrogate>(surrogates)
{
    protected override RepaymentTermsSurrogate ToSurrogate(RepaymentTerms value) => new()
    {
        InterestFrequency = value.InterestFrequency,
        PrincipalRepayment = value.PrincipalRepayment,
    };

    protected override RepaymentTerms FromSurrogate(in RepaymentTermsSurrogate surrogate) =>
        new(surrogate.InterestFrequency, surrogate.PrincipalRepayment);
}
