using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// What a disbursed loan still owes: principal, interest accrued and not paid, and the date
/// interest has been accrued through (actual/360 on the outstanding principal).
/// </summary>
/// <param name="Principal">Principal outstanding.</param>
/// <param name="UnpaidInterest">Interest accrued up to <paramref name="AccruedThrough"/> and not yet paid.</param>
/// <param name="AccruedThrough">Interest is accrued up to (not including) this date.</param>
/// <param name="InterestPaidThrough">All interest accrued before this date is paid: the date of the last repayment that cleared the interest.</param>
public sealed record LoanBalance(Money Principal, Money UnpaidInterest, DateOnly AccruedThrough, DateOnly InterestPaidThrough)
{
    /// <summary>A loan just disbursed: all principal outstanding, no interest yet.</summary>
    public static LoanBalance Disbursed(Money principal, DateOnly disbursedOn) =>
        new(principal, Money.Zero, disbursedOn, disbursedOn);

    /// <summary>Interest owed on <paramref name="date"/>: the unpaid part plus what accrued since.</summary>
    public Money InterestDueOn(InterestRate rate, DateOnly date) =>
        UnpaidInterest + DayCount.Interest(Principal, rate, AccruedThrough, date);

    /// <summary>
    /// Applies a bank-reported repayment on <paramref name="paidOn"/>: interest first, then principal
    /// (先息后本); an amount above everything owed is refused (<c>OVERPAYMENT</c>).
    /// </summary>
    public (LoanBalance After, AllocatedRepayment Allocation) Repay(Money payment, DateOnly paidOn, InterestRate rate)
    {
        if (paidOn < AccruedThrough)
        {
            throw new RuleViolationException(
                "REPAYMENT_BEFORE_LAST_ONE", $"A repayment on {paidOn:yyyy-MM-dd} cannot precede the last one ({AccruedThrough:yyyy-MM-dd}).");
        }

        var allocation = RepaymentAllocation.Allocate(payment, InterestDueOn(rate, paidOn), Principal);
        var interestPaidThrough = allocation.InterestStillDue.IsZero ? paidOn : InterestPaidThrough;
        return (new LoanBalance(allocation.PrincipalOutstanding, allocation.InterestStillDue, paidOn, interestPaidThrough), allocation);
    }

    /// <summary>
    /// The oldest due date of <paramref name="schedule"/>, up to <paramref name="today"/>, that is not
    /// fully paid — its interest (all interest accrued before it) or the principal scheduled by
    /// then — or null when the loan is current. Overdue days count from this date (逾期天数).
    /// </summary>
    public DateOnly? OldestUnpaidDueDate(IReadOnlyList<ScheduledInstalment> schedule, DateOnly today)
    {
        var scheduledOutstanding = Money.Sum(schedule.Select(instalment => instalment.Principal));
        foreach (var instalment in schedule.TakeWhile(instalment => instalment.DueDate <= today))
        {
            scheduledOutstanding -= instalment.Principal;
            if (InterestPaidThrough < instalment.DueDate || Principal > scheduledOutstanding)
            {
                return instalment.DueDate;
            }
        }

        return null;
    }

    /// <summary>
    /// The fund-backed part of the outstanding principal: repayments reduce the top-up above the
    /// base cap first, so the fund's exposure is the smaller of the principal and the backed amount.
    /// </summary>
    public Money FundBacked(Money fundBackedAtDisbursement) => Money.Min(Principal, fundBackedAtDisbursement);
}
