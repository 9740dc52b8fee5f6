using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a recovery on a compensated loan: the fields and ids its record had when it was itself serialized as <c>mf.ClaimRecovery</c>.</summary>
[GenerateSerializer, Alias("mf.ClaimRecovery.Surrogate")]
public struct ClaimRecoverySurrogate
{
    [Id(0)]
    public int Sequence;

    [Id(1)]
    public DateOnly RecoveredOn;

    [Id(2)]
    public Money Amount;

    [Id(3)]
    public RiskShares Shares;

    [Id(4)]
    public string Note;

    [Id(5)]
    public string Actor;

    [Id(6)]
    public DateTimeOffset RecordedAt;

    [Id(7)]
    public string RequestId;

    [Id(8)]
    public bool ThroughLitigation;
}
