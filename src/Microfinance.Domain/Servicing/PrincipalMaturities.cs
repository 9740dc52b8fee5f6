using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// When a loan's outstanding principal falls due, month by month: spring lending bunches its
/// maturities three years later (集中还款压力), and a county sets them against its fund. What the
/// borrower has repaid paid the earliest instalments, so the outstanding principal is what the
/// latest instalments hold; instalments due before today and still unpaid are arrears, not months.
/// </summary>
/// <param name="Overdue">Principal of instalments due before today and not paid.</param>
/// <param name="ByMonth">Principal falling due in each calendar month from today's on, today's month first.</param>
/// <param name="Later">Principal falling due after the last month counted (or on no schedule at all).</param>
public sealed record PrincipalMaturities(Money Overdue, IReadOnlyList<Money> ByMonth, Money Later)
{
    /// <summary>Every part together: the outstanding principal.</summary>
    public Money Total => Overdue + Money.Sum(ByMonth) + Later;

    /// <summary>Spreads <paramref name="outstanding"/> over <paramref name="schedule"/>'s latest instalments.</summary>
    /// <param name="schedule">The schedule in force, in due-date order.</param>
    /// <param name="outstanding">The principal not yet repaid.</param>
    /// <param name="today">The county's business date.</param>
    /// <param name="months">How many calendar months to count, today's included; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outstanding"/> is negative or <paramref name="months"/> is below 1.</exception>
    public static PrincipalMaturities Of(IReadOnlyList<ScheduledInstalment> schedule, Money outstanding, DateOnly today, int months)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(outstanding, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);

        var byMonth = new Money[months];
        var (overdue, later) = (Money.Zero, Money.Zero);
        var left = outstanding;
        for (var i = schedule.Count - 1; i >= 0 && left > Money.Zero; i--)
        {
            // The first instalment takes whatever is left, should a schedule hold less than is owed.
            var instalment = schedule[i];
            var part = i == 0 ? left : Money.Min(left, instalment.Principal);
            left -= part;
            var month = (instalment.DueDate.Year - today.Year) * 12 + instalment.DueDate.Month - today.Month;
            if (instalment.DueDate < today)
            {
                overdue += part;
            }
            else if (month < months)
            {
                byMonth[month] += part;
            }
            else
            {
                later += part;
            }
        }

        return new PrincipalMaturities(overdue, byMonth, later + left);
    }
}
