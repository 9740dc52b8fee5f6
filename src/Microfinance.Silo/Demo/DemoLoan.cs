using Microfinance.Domain.Loans;

namespace Microfinance.Silo.Demo;

/// <summary>One demo loan and how far along the review chain the demo takes it.</summary>
/// <param name="LoanId">The loan id.</param>
/// <param name="Household">The borrowing household's registry number.</param>
/// <param name="Yuan">Principal in yuan.</param>
/// <param name="TermMonths">Term in months.</param>
/// <param name="Purpose">What the money is for.</param>
/// <param name="Industry">The industry it goes into.</param>
/// <param name="Reach">The stage the demo leaves it at: Disbursed, Approved, a review stage, or Rejected.</param>
public sealed record DemoLoan(
    string LoanId, string Household, decimal Yuan, int TermMonths, string Purpose, string Industry, LoanStage Reach);
