using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// 未按期还贷的，从到期之日起不予贴息: whether a due date was met depends on when the borrower paid, not
/// on when the bank reported it or when day-close looked — a payment a day late loses the subsidy from
/// the due date, and an on-time payment reported late loses nothing.
/// </summary>
public static class MissedDueDates
{
    /// <summary>
    /// The first due date of a contract, before <paramref name="today"/>, not met by the payments
    /// dated on or before it: interest owed on it (a payment on the day itself settling all interest),
    /// or principal scheduled by then. Null when every due date so far was met.
    /// </summary>
    /// <param name="schedule">The contract's schedule in force.</param>
    /// <param name="contractStart">The disbursement or renewal date: interest was settled then.</param>
    /// <param name="principalAtStart">The principal the schedule repays (its principals sum to it).</param>
    /// <param name="payments">The contract's payments in date order.</param>
    /// <param name="today">Due dates before it are judged; one on it still has the day to be paid.</param>
    public static DateOnly? First(
        IReadOnlyList<ScheduledInstalment> schedule,
        DateOnly contractStart,
        Money principalAtStart,
        IReadOnlyList<DatedPayment> payments,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(payments);

        var scheduledOutstanding = principalAtStart;
        foreach (var instalment in schedule.TakeWhile(i => i.DueDate < today))
        {
            scheduledOutstanding -= instalment.Principal;
            var paidBy = payments.Where(p => p.PaidOn <= instalment.DueDate).ToList();
            var principal = principalAtStart - Money.Sum(paidBy.Select(p => p.PrincipalPaid));
            if (principal.IsZero)
            {
                // Repaid in full by then: nothing falls due any more.
                return null;
            }

            var interestSettledOn = paidBy.LastOrDefault(p => p.InterestSettled)?.PaidOn ?? contractStart;
            if (interestSettledOn < instalment.DueDate || principal > scheduledOutstanding)
            {
                return instalment.DueDate;
            }
        }

        return null;
    }
}
