using Microfinance.Domain.Loans;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an entry of a loan's audit trail: the fields and ids its record had when it was itself serialized as <c>mf.LoanEvent</c>.</summary>
[GenerateSerializer, Alias("mf.LoanEvent.Surrogate")]
public struct LoanEventSurrogate
{
    [Id(0)]
    public LoanStage Stage;

    [Id(1)]
    public LoanParty Party;

    [Id(2)]
    public string Actor;

    [Id(3)]
    public DateTimeOffset At;

    [Id(4)]
    public string RequestId;

    [Id(5)]
    public string Note;
}
