using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a repayment: the fields and ids its record had when it was itself serialized as <c>mf.Repayment</c>.</summary>
[GenerateSerializer, Alias("mf.Repayment.Surrogate")]
public struct RepaymentSurrogate
{
    [Id(0)]
    public int Sequence;

    [Id(1)]
    public DateOnly PaidOn;

    [Id(2)]
    public Money Amount;

    [Id(3)]
    public Money InterestPaid;

    [Id(4)]
    public Money PrincipalPaid;

    [Id(5)]
    public Money FundBackedPrincipalPaid;

    [Id(6)]
    public string Actor;

    [Id(7)]
    public DateTimeOffset RecordedAt;

    [Id(8)]
    public string RequestId;

    [Id(9)]
    public bool InterestSettled;
}
