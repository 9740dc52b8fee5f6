using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// The day-count convention for loan interest: actual/360, as Chinese banks compute it (日利率 =
/// 年利率 ÷ 360), over the actual calendar days of a period counted 算头不算尾 — the first day
/// accrues, the last does not, so a period is the half-open range [from, to).
/// </summary>
/// <remarks>
/// Interest for a period is principal × annual rate × days / 360, rounded to the fen once per
/// period (never per day) with <see cref="MidpointRounding.AwayFromZero"/> (四舍五入). A leap year
/// matters only through its extra day: a period spanning 29 February has one more day of interest.
/// </remarks>
public static class DayCount
{
    /// <summary>The days in the interest year: 360, not 365 or 366.</summary>
    public const int DaysPerYear = 360;

    private const decimal BasisPointsPerUnit = 10_000m;

    /// <summary>The actual calendar days in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static int Days(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends on {to:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}.", nameof(to));
        }

        return to.DayNumber - from.DayNumber;
    }

    /// <summary>
    /// Interest on <paramref name="principal"/> over [<paramref name="from"/>, <paramref name="to"/>),
    /// rounded to the fen: also the interest accrued up to a repayment date on the principal
    /// outstanding since interest was last paid.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="principal"/> or <paramref name="rate"/> is negative.</exception>
    public static Money Interest(Money principal, InterestRate rate, DateOnly from, DateOnly to) =>
        Interest(principal, rate, Days(from, to));

    /// <summary>Interest on <paramref name="principal"/> for <paramref name="days"/> days, rounded to the fen.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    public static Money Interest(Money principal, InterestRate rate, int days) =>
        ToFen(Accrual(principal, rate, days));

    /// <summary>
    /// principal × basis points × days, exactly: the numerator of an interest amount, so callers that
    /// add several balances or apply a share still round only once.
    /// </summary>
    internal static decimal Accrual(Money principal, InterestRate rate, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(principal, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(rate.BasisPoints, nameof(rate));
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        return (decimal)principal.Fen * rate.BasisPoints * days;
    }

    /// <summary>An accrual (or a sum of them, times <paramref name="factor"/>) in fen, rounded half away from zero.</summary>
    internal static Money ToFen(decimal accrual, decimal factor = 1m)
    {
        // One division by an integer: a true half fen is represented exactly and rounds up, while
        // Money.Multiply by a precomputed rate × days / 360 would carry that factor's 28-digit
        // truncation (e.g. 1/3) into the product and could round a true half down.
        var fen = accrual * factor / (BasisPointsPerUnit * DaysPerYear);
        return new Money(decimal.ToInt64(Math.Round(fen, 0, MidpointRounding.AwayFromZero)));
    }
}
