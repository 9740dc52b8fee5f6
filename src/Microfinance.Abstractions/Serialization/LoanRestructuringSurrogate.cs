using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a restructuring: the fields and ids its record had when it was itself serialized as <c>mf.LoanRestructuring</c>.</summary>
[GenerateSerializer, Alias("mf.LoanRestructuring.Surrogate")]
public struct LoanRestructuringSurrogate
{
    [Id(0)]
    public int Sequence;

    [Id(1)]
    public RestructuringKind Kind;

    [Id(2)]
    public DateOnly On;

    [Id(3)]
    public int Months;

    [Id(4)]
    public string Rating;

    [Id(5)]
    public InterestRate RateBefore;

    [Id(6)]
    public InterestRate Rate;

    [Id(7)]
    public DateOnly MaturityBefore;

    [Id(8)]
    public DateOnly MaturityAfter;

    [Id(9)]
    public string? DeferralId;

    [Id(10)]
    public string Actor;

    [Id(11)]
    public DateTimeOffset RecordedAt;

    [Id(12)]
    public Money PrincipalOutstanding;

    [Id(13)]
    public int RepaymentsBefore;
}
