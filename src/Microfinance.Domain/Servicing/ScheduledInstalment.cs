using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// One due date of a repayment schedule (还款计划): the interest for [<see cref="PeriodStart"/>,
/// <see cref="DueDate"/>) on the principal outstanding in that period, and the principal due on the
/// same date.
/// </summary>
/// <param name="Number">1-based position in the schedule.</param>
/// <param name="DueDate">The day the instalment is due; paying on it is on time.</param>
/// <param name="PeriodStart">The disbursement date or the previous due date; the period's first day of interest.</param>
/// <param name="Principal">Principal due on <paramref name="DueDate"/>; zero on interest-only dates.</param>
/// <param name="Interest">Interest for the period, rounded to the fen.</param>
public sealed record ScheduledInstalment(int Number, DateOnly DueDate, DateOnly PeriodStart, Money Principal, Money Interest)
{
    /// <summary>What the household owes on <see cref="DueDate"/>.</summary>
    public Money Total => Principal + Interest;

    /// <summary>The days of interest in the period (actual days, 算头不算尾).</summary>
    public int Days => DayCount.Days(PeriodStart, DueDate);
}
