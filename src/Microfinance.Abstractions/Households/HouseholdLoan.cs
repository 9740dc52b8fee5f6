using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Households;

/// <summary>One of a household's loans as the household sees it: what it commits of the household cap.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Committed">Principal counted against the household cap (reserved or outstanding).</param>
/// <param name="Status">Applied, Reserved, Disbursed or Released.</param>
/// <param name="NonPerforming">Whether the loan is classified non-performing (次级/可疑/损失).</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdLoan")]
public sealed record HouseholdLoan(
    [property: Id(0)] string LoanId,
    [property: Id(1)] Money Committed,
    [property: Id(2)] HouseholdLoanStatus Status,
    [property: Id(3)] bool NonPerforming);
