using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Loans;

/// <summary>
/// What the grains around an imported loan must hear of it: its household's cap, its fund account,
/// and the page of its county's loan book.
/// </summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Household">The borrowing household's registry number.</param>
/// <param name="FundAccountId">The fund account of the loan's bank in its county.</param>
/// <param name="Principal">Principal outstanding now.</param>
/// <param name="FundBackedPrincipal">The part of <paramref name="Principal"/> the fund backs.</param>
/// <param name="RepaymentsApplied">The sequence of the last repayment reflected in <paramref name="Principal"/>.</param>
/// <param name="Delta">The loan's first contribution to the tallies, while its page has not been told of it; null after.</param>
/// <param name="FirstVisit">The first day-close visit, while its page has not filed it; null after, or when no event is ahead.</param>
/// <param name="Book">The page of the loan book the loan belongs to.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanImportOutcome")]
public sealed record LoanImportOutcome(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string Household,
    [property: Id(2)] string FundAccountId,
    [property: Id(3)] Money Principal,
    [property: Id(4)] Money FundBackedPrincipal,
    [property: Id(5)] int RepaymentsApplied,
    [property: Id(6)] LoanTallyDelta? Delta,
    [property: Id(7)] DateOnly? FirstVisit,
    [property: Id(8)] LoanBookKey Book);
