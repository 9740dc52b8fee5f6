
namespace Microfinance.Domain.Loans;

/// <summary>One entry of a loan's audit trail: who moved it to which stage, when, on which request.</summary>
public sealed record LoanEvent(
    LoanStage Stage,
    LoanParty Party,
    string Actor,
    DateTimeOffset At,
    string RequestId,
    string Note);
