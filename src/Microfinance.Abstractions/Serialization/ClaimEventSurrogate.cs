using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an entry of a claim's audit trail: the fields and ids its record had when it was itself serialized as <c>mf.ClaimEvent</c>.</summary>
[GenerateSerializer, Alias("mf.ClaimEvent.Surrogate")]
public struct ClaimEventSurrogate
{
    [Id(0)]
    public ClaimAction Action;

    [Id(1)]
    public string Actor;

    [Id(2)]
    public DateTimeOffset At;

    [Id(3)]
    public string RequestId;

    [Id(4)]
    public string Note;
}
