using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// 无还本续贷: at maturity, a borrower in good standing may carry the outstanding principal into a new
/// contract without repaying it first, after the bank rates the borrower again. The renewal does
/// not count again toward the amount or term caps: the principal stays what the household already
/// owes, and the new term is measured on its own against the policy's longest term.
/// </summary>
public static class RenewalRule
{
    /// <summary>Checks a renewal for <paramref name="termMonths"/> months requested on <paramref name="today"/>.</summary>
    /// <param name="policy">The policy in force on <paramref name="today"/>.</param>
    /// <param name="termMonths">The new contract's term.</param>
    /// <param name="today">The business date of the renewal.</param>
    /// <param name="maturity">The maturity of the contract being renewed.</param>
    /// <param name="oldestUnpaidDueDate">The oldest due date not paid by today, if any.</param>
    /// <param name="interestDue">Interest owed today: it must be settled before the principal is renewed.</param>
    /// <exception cref="RuleViolationException">
    /// <c>TERM_EXCEEDS_POLICY</c>, <c>RENEWAL_AFTER_MATURITY</c>, <c>LOAN_OVERDUE</c> or <c>INTEREST_UNPAID</c>.
    /// </exception>
    public static void Check(CountyPolicy policy, int termMonths, DateOnly today, DateOnly maturity, DateOnly? oldestUnpaidDueDate, Money interestDue)
    {
        Eligibility.CheckTerm(policy, termMonths);
        if (today > maturity)
        {
            throw new RuleViolationException(
                "RENEWAL_AFTER_MATURITY", $"The loan matured on {maturity:yyyy-MM-dd}; a renewal must be made by then.");
        }

        ExtensionRule.CheckCurrent(oldestUnpaidDueDate, today, "renewed");
        if (interestDue.IsPositive)
        {
            throw new RuleViolationException(
                "INTEREST_UNPAID", $"Interest of {interestDue} is owed on {today:yyyy-MM-dd}; only the principal is renewed, so the interest must be paid first.");
        }
    }
}
