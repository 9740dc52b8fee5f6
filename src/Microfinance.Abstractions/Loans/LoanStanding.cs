using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;

namespace Microfinance.Abstractions.Loans;

/// <summary>What a loan tells a grain holding part of one of its limits (<see cref="ILoanGrain.GetStandingAsync"/>).</summary>
/// <param name="Stage">Its stage; <see cref="LoanStage.Expired"/> once an approval has lapsed.</param>
/// <param name="Borrower">The household (or legal person) that borrows it.</param>
/// <param name="Held">
/// What it holds at its borrower's cap: the amount approved, or once disbursed the principal outstanding.
/// </param>
/// <param name="HeldUntil">When an approval's reservations lapse; null before approval.</param>
/// <param name="RepaymentsRecorded">The sequence of its last repayment, already reflected in <paramref name="Held"/>.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanStanding")]
public sealed record LoanStanding(
    [property: Id(0)] LoanStage Stage,
    [property: Id(1)] string Borrower,
    [property: Id(2)] Money Held,
    [property: Id(3)] DateTimeOffset? HeldUntil,
    [property: Id(4)] int RepaymentsRecorded);
