using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Loans;

/// <summary>
/// What the grains around an imported loan must hear of it: its household's cap, and the page of its
/// county's loan book (which tells the fund account).
/// </summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Household">The borrowing household's registry number.</param>
/// <param name="Principal">Principal outstanding now.</param>
/// <param name="RepaymentsApplied">The sequence of the last repayment reflected in <paramref name="Principal"/>.</param>
/// <param name="Delta">The loan's first contribution to the tallies, while its page has not been told of it; null after.</param>
/// <param name="FirstVisit">The first day-close visit, while its page has not filed it; null after, or when no event is ahead.</param>
/// <param name="Book">The page of the loan book the loan belongs to.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanImportOutcome")]
public sealed record LoanImportOutcome(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string Household,
    [property: Id(3)] Money Principal,
    [property: Id(5)] int RepaymentsApplied,
    [property: Id(6)] LoanTallyDelta? Delta,
    [property: Id(7)] DateOnly? FirstVisit,
    [property: Id(8)] LoanBookKey Book);
