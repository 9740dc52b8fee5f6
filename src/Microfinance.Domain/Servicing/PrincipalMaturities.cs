using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// When a loan's outstanding principal falls due, month by month: spring lending bunches its
/// maturities three years later (集中还款压力), and a county sets them against its fund. Each
/// instalment holds what <see cref="InstalmentPrincipal"/> leaves it; instalments due before today
/// and still unpaid are arrears, not months.
/// </summary>
/// <param name="Overdue">Principal of instalments due before today and not paid.</param>
/// <param name="ByMonth">Principal falling due in each calendar month from today's on, today's month first.</param>
/// <param name="Later">Principal falling due after the last month counted (or on no schedule at all).</param>
public sealed record PrincipalMaturities(Money Overdue, IReadOnlyList<Money> ByMonth, Money Later)
{
    /// <summary>Every part together: the outstanding principal.</summary>
    public Money Total => Overdue + Money.Sum(ByMonth) + Later;

    /// <summary>Spreads <paramref name="outstanding"/> over the months of <paramref name="schedule"/>'s instalments.</summary>
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
        var (overdue, later) = (Money.Zero, schedule.Count == 0 ? outstanding : Money.Zero);
        foreach (var (instalment, part) in schedule.Zip(InstalmentPrincipal.Unpaid(schedule, outstanding)))
        {
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

        return new PrincipalMaturities(overdue, byMonth, later);
    }
}
