namespace Microfinance.Domain.Servicing;

/// <summary>
/// When a loan's overdue standing can next change without a repayment: the day after its next due
/// date while it is current, the day it crosses into the next bucket while it is overdue. Day-close
/// visits a loan only on such days (and after a repayment), so its cost follows the events of the
/// day, not the number of loans.
/// </summary>
public static class AgingEvents
{
    /// <summary>The next date the loan's bucket can change, or null when it cannot (current with no due date left, or over 90 days).</summary>
    public static DateOnly? NextEventDate(DateOnly? oldestUnpaidDueDate, IEnumerable<DateOnly> dueDates, DateOnly today)
    {
        if (oldestUnpaidDueDate is not { } oldest)
        {
            // The due date itself is day 0; the day after, an unpaid instalment is 1 day past due.
            return dueDates.Where(due => due >= today).Select(due => (DateOnly?)due.AddDays(1)).FirstOrDefault();
        }

        var daysPastDue = OverdueAging.DaysPastDue(oldest, today);
        var nextBound = OverdueAging.DefaultBucketUpperBounds.Prepend(0).FirstOrDefault(bound => bound >= daysPastDue, -1);
        return nextBound < 0 ? null : oldest.AddDays(nextBound + 1);
    }
}
