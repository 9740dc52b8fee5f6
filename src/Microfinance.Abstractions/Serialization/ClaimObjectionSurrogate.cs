using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an objection to a claim: the fields and ids its record had when it was itself serialized as <c>mf.ClaimObjection</c>.</summary>
[GenerateSerializer, Alias("mf.ClaimObjection.Surrogate")]
public struct ClaimObjectionSurrogate
{
    [Id(0)]
    public int Number;

    [Id(1)]
    public string Objector;

    [Id(2)]
    public string Content;

    [Id(3)]
    public DateOnly RaisedOn;

    [Id(4)]
    public ObjectionStatus Status;

    [Id(5)]
    public string? Resolution;

    [Id(6)]
    public string? ResolvedBy;

    [Id(7)]
    public DateTimeOffset? ResolvedAt;

    [Id(8)]
    public string RequestId;
}
