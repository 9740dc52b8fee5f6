using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Loans;

/// <summary>What the bank's approval (银行审定) fixed: the contract and what the loan holds of the limits.</summary>
/// <param name="Policy">The county policy version the loan was approved under, kept for its life.</param>
/// <param name="Rate">The contract rate in force: fixed at approval, replaced only by a renewal.</param>
/// <param name="Terms">How the borrower repays: set at approval, replaced only by a renewal.</param>
/// <param name="FundBacked">Principal the risk-compensation fund backs.</param>
/// <param name="WithinBaseCap">Principal within the borrowers' base cap: subsidised; the rest is a top-up.</param>
/// <param name="ExpiresAt">When the approval lapses if the money has not gone out; null for a loan taken over from a bank's book.</param>
/// <param name="ApprovedOn">
/// The county's business date of the approval: no disbursement is dated before it. Null for a loan
/// taken over from a bank's book, and for one approved before the platform kept it.
/// </param>
/// <param name="Charged">
/// For a legal-person loan, its driving agreement narrowed to the households charged: those whose
/// cap had room at approval (<see cref="Lending.DrivenHouseholdShares"/>). Null for a household's
/// loan, and for one approved before the platform kept it, which charged every driven household.
/// </param>
public sealed record LoanApproval(
    CountyPolicy Policy,
    InterestRate Rate,
    RepaymentTerms Terms,
    Money FundBacked,
    Money WithinBaseCap,
    DateTimeOffset? ExpiresAt,
    DateOnly? ApprovedOn,
    DrivingAgreement? Charged);
