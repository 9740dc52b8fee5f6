using Microfinance.Domain.Errors;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// 展期: a borrower who cannot repay at maturity may have the loan extended — at most once, by at most
/// the policy's length, after the bank rates the borrower again. An extension does not count again
/// toward the term cap: the contract keeps its amount and simply matures later.
/// </summary>
/// <remarks>
/// The general lending rules (贷款通则 第十二条) also bound an extension by the original term: a
/// short-term loan (up to one year) by its own term, a medium-term loan (up to five years) by half
/// of it, a longer one by three years. The stricter of that and the county's length applies.
/// </remarks>
public static class ExtensionRule
{
    private const int ShortTermMonths = 12;
    private const int MediumTermMonths = 60;
    private const int LongTermExtensionMonths = 36;

    /// <summary>The longest extension a loan of <paramref name="termMonths"/> may have under <paramref name="policy"/>.</summary>
    public static int LongestExtensionMonths(CountyPolicy policy, int termMonths)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var byTerm = termMonths switch
        {
            <= ShortTermMonths => termMonths,
            <= MediumTermMonths => termMonths / 2,
            _ => LongTermExtensionMonths,
        };
        return Math.Min(policy.MaxExtensionMonths, byTerm);
    }

    /// <summary>Checks an extension by <paramref name="months"/> requested on <paramref name="today"/>.</summary>
    /// <param name="policy">The loan's policy.</param>
    /// <param name="termMonths">The term of the contract being extended.</param>
    /// <param name="months">The extension asked for.</param>
    /// <param name="alreadyExtended">Whether the loan was extended before.</param>
    /// <param name="today">The business date of the request.</param>
    /// <param name="maturity">The contract's maturity date.</param>
    /// <param name="oldestUnpaidDueDate">The oldest due date not paid by today, if any.</param>
    /// <exception cref="RuleViolationException">
    /// <c>EXTENSION_ALREADY_GRANTED</c>, <c>EXTENSION_TOO_LONG</c>, <c>EXTENSION_AFTER_MATURITY</c> or <c>LOAN_OVERDUE</c>.
    /// </exception>
    public static void Check(
        CountyPolicy policy, int termMonths, int months, bool alreadyExtended, DateOnly today, DateOnly maturity, DateOnly? oldestUnpaidDueDate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        if (alreadyExtended)
        {
            throw new RuleViolationException("EXTENSION_ALREADY_GRANTED", "A loan may be extended (展期) only once.");
        }

        if (policy.MaxExtensionMonths == 0)
        {
            throw new RuleViolationException("EXTENSION_TOO_LONG", $"Policy {policy.Name} allows no extension (展期).");
        }

        var longest = LongestExtensionMonths(policy, termMonths);
        if (months > longest)
        {
            throw new RuleViolationException(
                "EXTENSION_TOO_LONG",
                $"An extension of {months} months is longer than the {longest} months allowed for a {termMonths}-month loan " +
                $"(policy {policy.Name}: at most {policy.MaxExtensionMonths}; 贷款通则 第十二条 by the original term).");
        }

        // The borrower applies before the loan falls due; a loan past maturity is in arrears.
        if (today > maturity)
        {
            throw new RuleViolationException(
                "EXTENSION_AFTER_MATURITY", $"The loan matured on {maturity:yyyy-MM-dd}; an extension must be granted by then.");
        }

        CheckCurrent(oldestUnpaidDueDate, today, "extended");
    }

    /// <summary>A loan in arrears is not restructured: doing so would hide an overdue loan (不得借展期、续贷掩盖不良).</summary>
    /// <exception cref="RuleViolationException"><c>LOAN_OVERDUE</c></exception>
    internal static void CheckCurrent(DateOnly? oldestUnpaidDueDate, DateOnly today, string what)
    {
        if (oldestUnpaidDueDate is { } due && due < today)
        {
            throw new RuleViolationException(
                "LOAN_OVERDUE", $"The instalment due on {due:yyyy-MM-dd} is unpaid; a loan in arrears is not {what}.");
        }
    }
}
