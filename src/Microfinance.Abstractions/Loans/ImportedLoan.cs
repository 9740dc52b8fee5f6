using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Loans;

/// <summary>
/// One loan of a bank's existing book (存量贷款), as the bank's extract gives it at the cut-over:
/// a household loan disbursed before the platform knew it, still owing.
/// </summary>
/// <param name="LoanId">The platform's id for the loan, globally unique (usually the bank's contract number).</param>
/// <param name="Household">The borrowing household's registry number; it must be registered in <paramref name="Village"/>.</param>
/// <param name="Village">The household's village; the county of the import is its county.</param>
/// <param name="BankCode">The bank that lent; its fund account in the county backs the loan.</param>
/// <param name="Amount">Principal disbursed.</param>
/// <param name="TermMonths">Term in months, counted 对年对月对日 from <paramref name="DisbursedOn"/>.</param>
/// <param name="Purpose">What the money is for (户借、户用、户还).</param>
/// <param name="Industry">The industry it went into, e.g. 种植业.</param>
/// <param name="ContractRate">The annual rate of the contract.</param>
/// <param name="RepaymentTerms">How the contract has it repaid; the schedule is rebuilt from them.</param>
/// <param name="DisbursedOn">Business date of disbursement.</param>
/// <param name="Balance">What it owes at the cut-over: principal, interest accrued and unpaid, and through when interest is accrued and paid.</param>
/// <param name="WithinBaseCap">The part of <paramref name="Amount"/> within the household's base cap: subsidised, and fund-backed unless the policy backs top-ups too.</param>
/// <param name="FirstMissedDueDate">The first due date the borrower did not meet on time, from the bank's history (no subsidy from then on); null if none.</param>
[GenerateSerializer, Immutable, Alias("mf.ImportedLoan")]
public sealed record ImportedLoan(
    [property: Id(0)] string LoanId,
    [property: Id(1)] string Household,
    [property: Id(2)] AdminCode Village,
    [property: Id(3)] string BankCode,
    [property: Id(4)] Money Amount,
    [property: Id(5)] int TermMonths,
    [property: Id(6)] string Purpose,
    [property: Id(7)] string Industry,
    [property: Id(8)] InterestRate ContractRate,
    [property: Id(9)] RepaymentTerms RepaymentTerms,
    [property: Id(10)] DateOnly DisbursedOn,
    [property: Id(11)] LoanBalance Balance,
    [property: Id(12)] Money WithinBaseCap,
    [property: Id(13)] DateOnly? FirstMissedDueDate);
