using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Loans;

/// <summary>A loan with its history, as callers see it: the domain's <see cref="Loan"/> flattened, each part null before its stage.</summary>
/// <param name="LoanId">Globally unique; the idempotency key of every step of its life.</param>
/// <param name="Application">What was applied for.</param>
/// <param name="County">The county whose policy, quota and fund apply.</param>
/// <param name="Village">The household's village; null for a legal-person loan.</param>
/// <param name="Stage">Where it is in the review chain.</param>
/// <param name="ApplicationDate">Business date of the application.</param>
/// <param name="Policy">The policy version it was approved under (kept for its life); null before approval.</param>
/// <param name="ContractRate">The annual rate fixed at approval, or at the last renewal.</param>
/// <param name="FundBacked">Principal within the base cap, backed by the fund.</param>
/// <param name="ApprovalExpiresAt">When an approval not yet disbursed lapses.</param>
/// <param name="DisbursedOn">Business date of disbursement.</param>
/// <param name="History">The audit trail, oldest first.</param>
/// <param name="Balance">What a disbursed loan still owes; null before disbursement.</param>
/// <param name="Repayments">Repayments reported by the bank, oldest first.</param>
/// <param name="Schedule">The repayment schedule in force: fixed at disbursement on <paramref name="RepaymentTerms"/>, changed only by a restructuring.</param>
/// <param name="WithinBaseCap">Principal within the borrowers' base cap: subsidised; the rest is a top-up.</param>
/// <param name="RepaymentTerms">How the borrower repays, set by the bank at approval (or at a renewal).</param>
/// <param name="FirstMissedDueDate">The first due date not paid by that date (no subsidy from then on); null while every one was met.</param>
/// <param name="ApprovalDate">The county's business date of the approval; null before it, for a loan taken over from a bank's book, and for one approved before the platform kept it.</param>
/// <param name="ChargedHouseholds">For a legal-person loan, the driven households charged at approval (those with cap room); null for a household's loan and before approval.</param>
/// <param name="Restructurings">Extensions, renewals and deferrals, oldest first; <see cref="Schedule"/> and <see cref="ContractRate"/> are those in force after them.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanRecord")]
public sealed record LoanRecord(
    [property: Id(0)] string LoanId,
    [property: Id(1)] LoanApplication Application,
    [property: Id(2)] AdminCode County,
    [property: Id(3)] AdminCode? Village,
    [property: Id(4)] LoanStage Stage,
    [property: Id(5)] DateOnly ApplicationDate,
    [property: Id(6)] CountyPolicy? Policy,
    [property: Id(7)] InterestRate? ContractRate,
    [property: Id(8)] Money FundBacked,
    [property: Id(9)] DateTimeOffset? ApprovalExpiresAt,
    [property: Id(10)] DateOnly? DisbursedOn,
    [property: Id(11)] IReadOnlyList<LoanEvent> History,
    [property: Id(12)] LoanBalance? Balance = null,
    [property: Id(13)] IReadOnlyList<Repayment>? Repayments = null,
    [property: Id(14)] IReadOnlyList<ScheduledInstalment>? Schedule = null,
    [property: Id(15)] Money? WithinBaseCap = null,
    [property: Id(16)] DateOnly? FirstMissedDueDate = null,
    [property: Id(17)] RepaymentTerms? RepaymentTerms = null,
    [property: Id(18)] IReadOnlyList<LoanRestructuring>? Restructurings = null,
    [property: Id(19)] DateOnly? ApprovalDate = null,
    [property: Id(20)] IReadOnlyList<string>? ChargedHouseholds = null)
{
    /// <summary>The view of <paramref name="loan"/>.</summary>
    public static LoanRecord Of(Loan loan)
    {
        var (approval, account) = (loan.Approval, loan.Account);
        return new(
            loan.Id,
            loan.Application,
            loan.County,
            loan.Village,
            loan.Stage,
            loan.AppliedOn,
            approval?.Policy,
            approval?.Rate,
            approval?.FundBacked ?? Money.Zero,
            approval?.ExpiresAt,
            account?.DisbursedOn,
            loan.History,
            account?.Balance,
            account?.Repayments,
            account?.Schedule,
            approval?.WithinBaseCap,
            account?.FirstMissedDueDate,
            approval?.Terms,
            account?.Restructurings,
            approval?.ApprovedOn,
            approval?.Charged?.DrivenHouseholds);
    }
}
