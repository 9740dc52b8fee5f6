using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="LoanEvent"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class LoanEventCodec(IValueSerializer<LoanEventSurrogate> surrogates)
    : RecordFormCodec<LoanEvent, LoanEventSurrogate>(surrogates)
{
    protected override LoanEventSurrogate ToSurrogate(LoanEvent value) => new()
    {
        Stage = value.Stage,
        Party = value.Party,
        Actor = value.Actor,
        At = value.At,
        RequestId = value.RequestId,
        Note = value.Note,
    };

    protected override LoanEvent FromSurrogate(in LoanEventSurrogate surrogate) =>
        new(surrogate.Stage, surrogate.Party, surrogate.Actor, surrogate.At, surrogate.RequestId, surrogate.Note);
}
