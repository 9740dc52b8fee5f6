using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Servicing;

/// <summary>One loan's line on a monthly subsidy statement (贴息).</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Borrower">The household's registry number or the legal person's credit code.</param>
/// <param name="InterestAccrued">Interest the loan accrued in the month.</param>
/// <param name="SubsidisableInterest">The part eligible for subsidy: within the base cap, before any missed due date.</param>
/// <param name="Subsidy">The subsidy: the policy's share of the eligible interest, rounded to the fen.</param>
[GenerateSerializer, Immutable, Alias("mf.SubsidyLine")]
public sealed record SubsidyLine(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string Borrower,
    [property: Id(2)] Money InterestAccrued,
    [property: Id(3)] Money SubsidisableInterest,
    [property: Id(4)] Money Subsidy);
