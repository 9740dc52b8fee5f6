using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Loans;

/// <summary>
/// What a borrower applies for (户申请). A household borrows for itself; a legal person borrows
/// for the registered households of its driving agreement (带动协议), against its township's
/// legal-person share and those households' caps.
/// </summary>
/// <param name="Borrower">The household's registry number, or the legal person's credit code.</param>
/// <param name="BankCode">The cooperating bank asked to lend; its fund account in the county backs the loan.</param>
/// <param name="Amount">Principal.</param>
/// <param name="TermMonths">Term in months, counted 对年对月对日.</param>
/// <param name="Purpose">What the money is for (户借、户用、户还).</param>
/// <param name="Industry">The industry it goes into, e.g. 种植业.</param>
/// <param name="LegalPerson">The driving agreement when the borrower is a legal person; null for a household.</param>
public sealed record LoanApplication(
    string Borrower,
    string BankCode,
    Money Amount,
    int TermMonths,
    string Purpose,
    string Industry,
    DrivingAgreement? LegalPerson);
