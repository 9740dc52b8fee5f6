using Microfinance.Domain.Compensation;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="ClaimEvent"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class ClaimEventCodec(IValueSerializer<ClaimEventSurrogate> surrogates)
    : RecordFormCodec<ClaimEvent, ClaimEventSurrogate>(surrogates)
{
    protected override ClaimEventSurrogate ToSurrogate(ClaimEvent value) => new()
    {
        Action = value.Action,
        Actor = value.Actor,
        At = value.At,
        RequestId = value.RequestId,
        Note = value.Note,
    };

    protected override ClaimEvent FromSurrogate(in ClaimEventSurrogate surrogate) =>
        new(
            surrogate.Action,
            surrogate.Actor,
            surrogate.At,
            surrogate.RequestId,
            surrogate.Note);
}
