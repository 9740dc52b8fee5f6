using System.Globalization;

namespace Microfinance.Domain.Finance;

/// <summary>
/// An amount of renminbi held as a whole number of fen (分, 0.01 yuan). Quotas, caps, loans,
/// fund balances and subsidies are all <see cref="Money"/>; none is ever a <c>double</c>, so sums
/// over a province's loans are exact.
/// </summary>
/// <remarks>
/// Arithmetic is checked: an overflow throws <see cref="OverflowException"/> instead of wrapping
/// into a plausible-looking wrong amount. Anything that produces fractions of a fen (interest,
/// percentage shares) goes through <see cref="Multiply"/>, which makes the caller choose how to
/// round.
/// </remarks>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    private const decimal FenPerYuan = 100m;

    public static Money Zero => default;

    /// <summary>The amount in yuan, exact (two decimal places at most).</summary>
    public decimal Yuan => Fen / FenPerYuan;

    public bool IsNegative => Fen < 0;

    public bool IsZero => Fen == 0;

    public bool IsPositive => Fen > 0;

    /// <summary>Converts a yuan amount such as <c>50000m</c> or <c>12.34m</c> to fen.</summary>
    /// <exception cref="ArgumentException"><paramref name="yuan"/> is not a whole number of fen, or is out of range.</exception>
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * FenPerYuan;

        // Silently rounding 0.005 yuan would make two systems disagree about a balance; the caller
        // must round explicitly (Multiply) before it becomes money.
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException($"{yuan.ToString(CultureInfo.InvariantCulture)} yuan is not a whole number of fen.", nameof(yuan));
        }

        if (fen < long.MinValue || fen > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(yuan), yuan, "The amount is too large to hold in fen.");
        }

        return new Money((long)fen);
    }

    /// <summary>
    /// This amount times <paramref name="factor"/>, rounded to the fen with
    /// <paramref name="rounding"/>, e.g. a 70% fund share or a month's interest.
    /// </summary>
    /// <exception cref="OverflowException">The result does not fit in fen.</exception>
    public Money Multiply(decimal factor, MidpointRounding rounding)
    {
        var exact = Fen * factor;
        var rounded = Math.Round(exact, 0, rounding);
        return new Money(decimal.ToInt64(rounded));
    }

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    /// <summary>The exact total of <paramref name="amounts"/>; <see cref="Zero"/> when there are none.</summary>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);

        var total = 0L;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Fen);
        }

        return new Money(total);
    }

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static Money operator -(Money a) => new(checked(-a.Fen));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    /// <summary>The amount as <c>¥50,000.00</c> (or <c>-¥12.34</c>), independent of the current culture.</summary>
    public override string ToString()
    {
        // decimal holds long.MinValue / 100 exactly, so Math.Abs cannot overflow here.
        var digits = Math.Abs(Yuan).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return Fen < 0 ? $"-¥{digits}" : $"¥{digits}";
    }
}
