using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="DrivingAgreement"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class DrivingAgreementCodec(IValueSerializer<DrivingAgreementSurrogate> surrogates)
    : RecordFormCodec<DrivingAgreement, DrivingAgreementSurrogate>(surrogates)
{
    protected override DrivingAgreementSurrogate ToSurrogate(DrivingAgreement value) => new()
    {
        Township = value.Township,
        DrivenHouseholds = value.DrivenHouseholds,
    };

    protected override DrivingAgreement FromSurrogate(in DrivingAgreementSurrogate surrogate) =>
        new(surrogate.Township, surrogate.DrivenHouseholds);
}
