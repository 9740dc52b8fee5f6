using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// The schedule in force after an extension (展期) or a deferral. Due dates before the change stay as
/// they were; the contract's scheduled interest figures are recomputed only where principal moved,
/// while the interest actually owed keeps accruing daily on the balance (<see cref="LoanBalance"/>).
/// </summary>
public static class ScheduleRevision
{
    /// <summary>
    /// Extends a contract that started on <paramref name="contractStart"/> for <paramref name="termMonths"/>
    /// months by <paramref name="extensionMonths"/>, on <paramref name="on"/>: instalments due before
    /// that day stay; from it on, the dates are those of a term of N + M months counted from the
    /// contract's start (<see cref="ContractDates"/>), and the principal not yet due is spread over
    /// them as the contract spreads principal (all at the new maturity, or in equal instalments).
    /// </summary>
    public static IReadOnlyList<ScheduledInstalment> Extend(
        IReadOnlyList<ScheduledInstalment> schedule,
        DateOnly contractStart,
        int termMonths,
        int extensionMonths,
        InterestFrequency frequency,
        PrincipalRepayment principalRepayment,
        InterestRate rate,
        DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(extensionMonths, 1);

        var kept = schedule.Where(i => i.DueDate < on).ToList();
        var notYetDue = Money.Sum(schedule.Where(i => i.DueDate >= on).Select(i => i.Principal));
        var dates = ContractDates.DueDates(contractStart, termMonths + extensionMonths, frequency).Where(d => d >= on).ToList();
        var principals = RepaymentSchedule.SplitPrincipal(notYetDue, dates.Count, principalRepayment);

        var revised = new List<ScheduledInstalment>(kept);
        var outstanding = notYetDue;
        var periodStart = kept.Count > 0 ? kept[^1].DueDate : contractStart;
        for (var i = 0; i < dates.Count; i++)
        {
            var interest = DayCount.Interest(outstanding, rate, periodStart, dates[i]);
            revised.Add(new ScheduledInstalment(kept.Count + i + 1, dates[i], periodStart, principals[i], interest));
            outstanding -= principals[i];
            periodStart = dates[i];
        }

        return revised;
    }

    /// <summary>
    /// Defers every instalment due from <paramref name="from"/> through <paramref name="through"/> by
    /// <paramref name="months"/> months (对月对日 from its own due date), keeping the schedule in
    /// due-date order. Nothing else changes: interest keeps accruing on the balance meanwhile.
    /// </summary>
    public static IReadOnlyList<ScheduledInstalment> Defer(
        IReadOnlyList<ScheduledInstalment> schedule, DateOnly from, DateOnly through, int months)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);

        return schedule
            .Select(i => i.DueDate >= from && i.DueDate <= through ? i with { DueDate = i.DueDate.AddMonths(months) } : i)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.Number)
            .Select((i, index) => i with { Number = index + 1 })
            .ToList();
    }

    /// <summary>Whether <see cref="Defer"/> would move any instalment of <paramref name="schedule"/>.</summary>
    public static bool AnyDueWithin(IReadOnlyList<ScheduledInstalment> schedule, DateOnly from, DateOnly through) =>
        schedule.Any(i => i.DueDate >= from && i.DueDate <= through);
}
