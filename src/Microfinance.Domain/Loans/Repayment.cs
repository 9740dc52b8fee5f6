using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Loans;

/// <summary>One repayment reported by the bank and how it was allocated (先息后本).</summary>
/// <param name="Sequence">1 for the loan's first repayment, then 2, 3…</param>
/// <param name="PaidOn">Business date of the payment.</param>
/// <param name="Amount">What the borrower paid.</param>
/// <param name="InterestPaid">The part that paid interest.</param>
/// <param name="PrincipalPaid">The part that paid principal.</param>
/// <param name="FundBackedPrincipalPaid">Of the principal, the part the fund backed.</param>
/// <param name="InterestSettled">Whether it left no interest owed, which is what meeting a due date on the day takes.</param>
public sealed record Repayment(
    int Sequence,
    DateOnly PaidOn,
    Money Amount,
    Money InterestPaid,
    Money PrincipalPaid,
    Money FundBackedPrincipalPaid,
    string Actor,
    DateTimeOffset RecordedAt,
    string RequestId,
    bool InterestSettled);
