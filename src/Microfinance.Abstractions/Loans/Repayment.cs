using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Loans;

/// <summary>One repayment reported by the bank and how it was allocated (先息后本).</summary>
/// <param name="Sequence">1 for the loan's first repayment, then 2, 3…</param>
/// <param name="PaidOn">Business date of the payment.</param>
/// <param name="Amount">What the borrower paid.</param>
/// <param name="InterestPaid">The part that paid interest.</param>
/// <param name="PrincipalPaid">The part that paid principal.</param>
/// <param name="FundBackedPrincipalPaid">Of the principal, the part the fund backed.</param>
/// <param name="InterestSettled">Whether it left no interest owed, which is what meeting a due date on the day takes.</param>
[GenerateSerializer, Immutable, Alias("mf.Repayment")]
public sealed record Repayment(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateOnly PaidOn,
    [property: Id(2)] Money Amount,
    [property: Id(3)] Money InterestPaid,
    [property: Id(4)] Money PrincipalPaid,
    [property: Id(5)] Money FundBackedPrincipalPaid,
    [property: Id(6)] string Actor,
    [property: Id(7)] DateTimeOffset RecordedAt,
    [property: Id(8)] string RequestId,
    [property: Id(9)] bool InterestSettled);
