using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// What each instalment of a schedule still holds of a loan's outstanding principal. What the
/// borrower repaid paid the earliest instalments, so the outstanding principal is what the latest
/// hold; should a schedule hold less than is owed, its first instalment takes the rest.
/// </summary>
public static class InstalmentPrincipal
{
    /// <summary>The unpaid principal of each instalment of <paramref name="schedule"/>, in its order.</summary>
    /// <param name="schedule">The schedule in force, in due-date order.</param>
    /// <param name="outstanding">The principal not yet repaid.</param>
    /// <returns>One amount per instalment; for an empty schedule, none (the caller decides where the principal goes).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outstanding"/> is negative.</exception>
    public static IReadOnlyList<Money> Unpaid(IReadOnlyList<ScheduledInstalment> schedule, Money outstanding)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(outstanding, Money.Zero);

        var unpaid = new Money[schedule.Count];
        var left = outstanding;
        for (var i = schedule.Count - 1; i >= 0; i--)
        {
            unpaid[i] = i == 0 ? left : Money.Min(left, schedule[i].Principal);
            left -= unpaid[i];
        }

        return unpaid;
    }
}
