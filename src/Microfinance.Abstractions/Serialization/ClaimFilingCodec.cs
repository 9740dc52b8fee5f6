using Microfinance.Domain.Compensation;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="ClaimFiling"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class ClaimFilingCodec(IValueSerializer<ClaimFilingSurrogate> surrogates)
    : RecordFormCodec<ClaimFiling, ClaimFilingSurrogate>(surrogates)
{
    protected override ClaimFilingSurrogate ToSurrogate(ClaimFiling value) => new()
    {
        BankCode = value.BankCode,
        Cause = value.Cause,
        CauseDescription = value.CauseDescription,
        Dunning = value.Dunning,
        Insurance = value.Insurance,
    };

    protected override ClaimFiling FromSurrogate(in ClaimFilingSurrogate surrogate) =>
        new(
            surrogate.BankCode,
            surrogate.Cause,
            surrogate.CauseDescription,
            surrogate.Dunning,
            surrogate.Insurance);
}
