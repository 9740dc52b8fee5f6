using Microfinance.Domain.Loans;

namespace Microfinance.Abstractions.Loans;

/// <summary>One entry of a loan's audit trail: who moved it to which stage, when, on which request.</summary>
[GenerateSerializer, Immutable, Alias("mf.LoanEvent")]
public sealed record LoanEvent(
    [property: Id(0)] LoanStage Stage,
    [property: Id(1)] LoanParty Party,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string RequestId,
    [property: Id(5)] string Note);
