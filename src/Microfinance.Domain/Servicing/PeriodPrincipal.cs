using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// The principal of a loan's instalments falling due in a period, and how much of it is repaid:
/// the measure of the repayment rate (还款率: repaid ÷ due). An instalment counts as repaid as far
/// as <see cref="InstalmentPrincipal"/> finds it paid, whenever the money came.
/// </summary>
/// <param name="Due">Principal of the instalments due from the period's first day through its last.</param>
/// <param name="Repaid">The part of <paramref name="Due"/> repaid.</param>
public sealed record PeriodPrincipal(Money Due, Money Repaid)
{
    /// <param name="schedule">The schedule in force, in due-date order.</param>
    /// <param name="outstanding">The principal not yet repaid.</param>
    /// <param name="from">The period's first day.</param>
    /// <param name="through">The period's last day.</param>
    public static PeriodPrincipal Of(IReadOnlyList<ScheduledInstalment> schedule, Money outstanding, DateOnly from, DateOnly through)
    {
        var (due, repaid) = (Money.Zero, Money.Zero);
        foreach (var (instalment, unpaid) in schedule.Zip(InstalmentPrincipal.Unpaid(schedule, outstanding)))
        {
            if (instalment.DueDate >= from && instalment.DueDate <= through)
            {
                due += instalment.Principal;
                repaid += Money.Max(instalment.Principal - unpaid, Money.Zero);
            }
        }

        return new PeriodPrincipal(due, repaid);
    }
}
