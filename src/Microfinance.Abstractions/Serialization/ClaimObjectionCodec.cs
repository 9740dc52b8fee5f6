using Microfinance.Domain.Compensation;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="ClaimObjection"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class ClaimObjectionCodec(IValueSerializer<ClaimObjectionSurrogate> surrogates)
    : RecordFormCodec<ClaimObjection, ClaimObjectionSurrogate>(surrogates)
{
    protected override ClaimObjectionSurrogate ToSurrogate(ClaimObjection value) => new()
    {
        Number = value.Number,
        Objector = value.Objector,
        Content = value.Content,
        RaisedOn = value.RaisedOn,
        Status = value.Status,
        Resolution = value.Resolution,
        ResolvedBy = value.ResolvedBy,
        ResolvedAt = value.ResolvedAt,
        RequestId = value.RequestId,
    };

    protected override ClaimObjection FromSurrogate(in ClaimObjectionSurrogate surrogate) =>
        new(
            surrogate.Number,
            surrogate.Objector,
            surrogate.Content,
            surrogate.RaisedOn,
            surrogate.Status,
            surrogate.Resolution,
            surrogate.ResolvedBy,
            surrogate.ResolvedAt,
            surrogate.RequestId);
}
