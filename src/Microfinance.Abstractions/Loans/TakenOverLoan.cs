using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Loans;

/// <summary>
/// A disbursed loan counted against a limit it was never reserved against: a loan of a bank's
/// existing book (存量贷款) taken over by the platform.
/// </summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Principal">Its principal outstanding now (for a fund account: the part the fund backs).</param>
/// <param name="RepaymentsApplied">The sequence of the loan's last repayment already reflected in <paramref name="Principal"/>; later ones are taken off it.</param>
[GenerateSerializer, Immutable, Alias("mf.TakenOverLoan")]
public sealed record TakenOverLoan(
    [property: Id(0)] string LoanId,
    [property: Id(1)] Money Principal,
    [property: Id(2)] int RepaymentsApplied);
