using Microfinance.Domain.Compensation;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="ClaimRecovery"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class ClaimRecoveryCodec(IValueSerializer<ClaimRecoverySurrogate> surrogates)
    : RecordFormCodec<ClaimRecovery, ClaimRecoverySurrogate>(surrogates)
{
    protected override ClaimRecoverySurrogate ToSurrogate(ClaimRecovery value) => new()
    {
        Sequence = value.Sequence,
        RecoveredOn = value.RecoveredOn,
        Amount = value.Amount,
        Shares = value.Shares,
        Note = value.Note,
        Actor = value.Actor,
        RecordedAt = value.RecordedAt,
        RequestId = value.RequestId,
        ThroughLitigation = value.ThroughLitigation,
    };

    protected override ClaimRecovery FromSurrogate(in ClaimRecoverySurrogate surrogate) =>
        new(
            surrogate.Sequence,
            surrogate.RecoveredOn,
            surrogate.Amount,
            surrogate.Shares,
            surrogate.Note,
            surrogate.Actor,
            surrogate.RecordedAt,
            surrogate.RequestId,
            surrogate.ThroughLitigation);
}
