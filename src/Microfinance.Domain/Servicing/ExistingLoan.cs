using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// A loan a bank disbursed before it came onto the platform (存量贷款), taken over with its balance
/// at the cut-over. Its figures must describe a loan still owing, dated between its disbursement
/// and today; anything else is a mistake in the bank's extract, refused with
/// <c>IMPORTED_LOAN_INCONSISTENT</c> so it is corrected at the source rather than guessed at here.
/// </summary>
public static class ExistingLoan
{
    /// <summary>Checks the contract and the balance at the cut-over against each other.</summary>
    /// <param name="amount">The principal disbursed.</param>
    /// <param name="termMonths">The contract term.</param>
    /// <param name="disbursedOn">The disbursement date.</param>
    /// <param name="balance">What the loan owes at the cut-over.</param>
    /// <param name="withinBaseCap">The part of <paramref name="amount"/> within the household's base cap.</param>
    /// <param name="today">The business date of the import.</param>
    /// <exception cref="RuleViolationException"><c>IMPORTED_LOAN_INCONSISTENT</c></exception>
    public static void Check(Money amount, int termMonths, DateOnly disbursedOn, LoanBalance balance, Money withinBaseCap, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(balance);

        if (!amount.IsPositive || termMonths < 1)
        {
            throw Inconsistent($"An amount of {amount} over {termMonths} months is not a loan.");
        }

        if (disbursedOn > today)
        {
            throw Inconsistent($"It was disbursed on {disbursedOn:yyyy-MM-dd}, after today {today:yyyy-MM-dd}.");
        }

        // A loan that owes no principal is closed (结清): it has nothing left to service here.
        if (!balance.Principal.IsPositive || balance.Principal > amount)
        {
            throw Inconsistent($"Its outstanding principal {balance.Principal} is not between zero (exclusive) and the amount {amount}.");
        }

        if (balance.UnpaidInterest.IsNegative)
        {
            throw Inconsistent($"Its unpaid interest {balance.UnpaidInterest} is negative.");
        }

        if (balance.InterestPaidThrough < disbursedOn || balance.AccruedThrough < balance.InterestPaidThrough || balance.AccruedThrough > today)
        {
            throw Inconsistent(
                $"Interest paid through {balance.InterestPaidThrough:yyyy-MM-dd} and accrued through {balance.AccruedThrough:yyyy-MM-dd} "
                + $"must lie in that order between the disbursement on {disbursedOn:yyyy-MM-dd} and today {today:yyyy-MM-dd}.");
        }

        if (withinBaseCap.IsNegative || withinBaseCap > amount)
        {
            throw Inconsistent($"Its part within the base cap {withinBaseCap} is not between zero and the amount {amount}.");
        }
    }

    private static RuleViolationException Inconsistent(string detail) =>
        new("IMPORTED_LOAN_INCONSISTENT", $"The imported loan does not add up: {detail}");
}
