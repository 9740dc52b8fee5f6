using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// A loan's contractual repayment schedule (还款计划): due dates counted 对年对月对日 from
/// disbursement (<see cref="ContractDates"/>), interest per period on actual/360
/// (<see cref="DayCount"/>) at a rate fixed for the contract, each amount rounded to the fen.
/// </summary>
/// <remarks>
/// The rate is the one the contract was signed at — the reference rate for its date and term band
/// from <see cref="InterestRateTable"/> under 不得上浮 — and never moves with later LPR fixings.
/// Principal due on a date is paid at the end of its period, so each period's interest is on the
/// principal outstanding at its start.
/// </remarks>
public sealed class RepaymentSchedule
{
    private RepaymentSchedule(
        Money principal,
        InterestRate rate,
        DateOnly disbursedOn,
        int termMonths,
        InterestFrequency interestFrequency,
        PrincipalRepayment principalRepayment,
        IReadOnlyList<ScheduledInstalment> instalments)
    {
        Principal = principal;
        Rate = rate;
        DisbursedOn = disbursedOn;
        TermMonths = termMonths;
        InterestFrequency = interestFrequency;
        PrincipalRepayment = principalRepayment;
        Instalments = instalments;
    }

    public Money Principal { get; }

    /// <summary>The annual contract rate, fixed for the life of the contract.</summary>
    public InterestRate Rate { get; }

    public DateOnly DisbursedOn { get; }

    public int TermMonths { get; }

    public InterestFrequency InterestFrequency { get; }

    public PrincipalRepayment PrincipalRepayment { get; }

    /// <summary>The instalments in due-date order; the last falls on <see cref="Maturity"/>.</summary>
    public IReadOnlyList<ScheduledInstalment> Instalments { get; }

    /// <summary>到期日: the last instalment's due date.</summary>
    public DateOnly Maturity => Instalments[^1].DueDate;

    /// <summary>The interest of every instalment, each already rounded.</summary>
    public Money TotalInterest => Money.Sum(Instalments.Select(i => i.Interest));

    /// <summary>
    /// The schedule of a loan of <paramref name="principal"/> disbursed on
    /// <paramref name="disbursedOn"/> for <paramref name="termMonths"/> months. Equal principal
    /// instalments are the principal divided by the number of due dates, rounded down to the fen,
    /// with the remainder on the last, so the principals sum exactly to the loan.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="principal"/> is not positive, <paramref name="rate"/> is negative,
    /// <paramref name="termMonths"/> is less than 1, or an enum value is unknown.
    /// </exception>
    public static RepaymentSchedule Build(
        Money principal,
        InterestRate rate,
        DateOnly disbursedOn,
        int termMonths,
        InterestFrequency interestFrequency = InterestFrequency.Quarterly,
        PrincipalRepayment principalRepayment = PrincipalRepayment.AtMaturity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(principal, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(rate.BasisPoints, nameof(rate));
        if (!Enum.IsDefined(interestFrequency))
        {
            throw new ArgumentOutOfRangeException(nameof(interestFrequency), interestFrequency, "Unknown interest frequency.");
        }

        if (!Enum.IsDefined(principalRepayment))
        {
            throw new ArgumentOutOfRangeException(nameof(principalRepayment), principalRepayment, "Unknown principal repayment.");
        }

        var dueDates = ContractDates.DueDates(disbursedOn, termMonths, interestFrequency);
        var principals = SplitPrincipal(principal, dueDates.Count, principalRepayment);

        var instalments = new List<ScheduledInstalment>(dueDates.Count);
        var outstanding = principal;
        var periodStart = disbursedOn;
        for (var i = 0; i < dueDates.Count; i++)
        {
            var interest = DayCount.Interest(outstanding, rate, periodStart, dueDates[i]);
            instalments.Add(new ScheduledInstalment(i + 1, dueDates[i], periodStart, principals[i], interest));
            outstanding -= principals[i];
            periodStart = dueDates[i];
        }

        return new RepaymentSchedule(principal, rate, disbursedOn, termMonths, interestFrequency, principalRepayment, instalments);
    }

    /// <summary>The principal due on each of <paramref name="count"/> dates.</summary>
    internal static Money[] SplitPrincipal(Money principal, int count, PrincipalRepayment repayment)
    {
        var principals = new Money[count];
        if (repayment == PrincipalRepayment.AtMaturity)
        {
            principals[^1] = principal;
            return principals;
        }

        // Whole fen per instalment; the remainder (fewer fen than instalments) goes on the last so
        // the sum is exactly the loan and the earlier instalments are all equal.
        var each = new Money(principal.Fen / count);
        Array.Fill(principals, each);
        principals[^1] = principal - new Money(each.Fen * (count - 1));
        return principals;
    }
}
