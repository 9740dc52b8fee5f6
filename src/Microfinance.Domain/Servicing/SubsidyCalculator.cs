using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// The fiscal interest subsidy (财政贴息, 第二十七条) of one loan for one calendar month, which the
/// county settles monthly per bank (一月一结算): the subsidy share of the interest accrued in the
/// month, actual/360 on the principal outstanding each day.
/// </summary>
/// <remarks>
/// <para>
/// Not subsidised: the days from a missed due date onward when the policy says
/// "未按期还贷的，从小额信贷资金到期之日起不予贴息" — the due date itself included, and for good, even if
/// the arrears are later cleared; and, unless <see cref="CountyPolicy.TopUpSubsidised"/>, principal
/// above the part of the loan within the base cap (the local top-up above 50,000 yuan).
/// </para>
/// <para>
/// Repayments are taken to reduce the top-up first: the subsidised principal on a day is the smaller
/// of the balance and the part within the base cap, because the cap limits what the household owes.
/// </para>
/// <para>
/// The older rule (篇1) pays its 50% to households that repay on time at repayment; the amount is the
/// same monthly accrual, only paid later.
/// </para>
/// </remarks>
public static class SubsidyCalculator
{
    private const decimal PercentBase = 100m;

    /// <summary>The subsidy of the loan described by <paramref name="facts"/> for its month under <paramref name="policy"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month is not a calendar month, or the rate, cap or a balance is negative.</exception>
    /// <exception cref="ArgumentException">The balances are not in strictly ascending date order.</exception>
    public static MonthlySubsidy ForMonth(CountyPolicy policy, SubsidyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(facts.Balances);
        ArgumentOutOfRangeException.ThrowIfLessThan(facts.WithinBaseCap, Money.Zero);
        CheckBalances(facts.Balances);

        var monthStart = new DateOnly(facts.Year, facts.Month, 1);
        var monthEnd = monthStart.AddMonths(1);

        // 从到期之日起不予贴息: the missed due date is the first day without subsidy.
        var subsidyEnd = policy.SubsidyOnlyWhenRepaidOnTime && facts.FirstMissedDueDate is { } missed && missed < monthEnd
            ? missed
            : monthEnd;

        var accrued = 0m;
        var subsidisable = 0m;
        for (var i = 0; i < facts.Balances.Count; i++)
        {
            var balance = facts.Balances[i];
            var until = i + 1 < facts.Balances.Count ? facts.Balances[i + 1].From : DateOnly.MaxValue;

            accrued += DayCount.Accrual(balance.Outstanding, facts.Rate, Overlap(balance.From, until, monthStart, monthEnd));

            var subsidised = policy.TopUpSubsidised
                ? balance.Outstanding
                : Money.Min(balance.Outstanding, facts.WithinBaseCap);
            subsidisable += DayCount.Accrual(subsidised, facts.Rate, Overlap(balance.From, until, monthStart, subsidyEnd));
        }

        return new MonthlySubsidy(
            DayCount.ToFen(accrued),
            DayCount.ToFen(subsidisable),
            DayCount.ToFen(subsidisable, policy.SubsidySharePercent / PercentBase));
    }

    // Days in [from, until) ∩ [start, end); zero when they do not meet.
    private static int Overlap(DateOnly from, DateOnly until, DateOnly start, DateOnly end)
    {
        var first = from > start ? from : start;
        var last = until < end ? until : end;
        return Math.Max(0, last.DayNumber - first.DayNumber);
    }

    private static void CheckBalances(IReadOnlyList<PrincipalBalance> balances)
    {
        for (var i = 0; i < balances.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(balances[i], nameof(balances));
            ArgumentOutOfRangeException.ThrowIfLessThan(balances[i].Outstanding, Money.Zero, nameof(balances));
            if (i > 0 && balances[i].From <= balances[i - 1].From)
            {
                throw new ArgumentException(
                    $"Balances must be in strictly ascending date order; {balances[i].From:yyyy-MM-dd} follows {balances[i - 1].From:yyyy-MM-dd}.",
                    nameof(balances));
            }
        }
    }
}
