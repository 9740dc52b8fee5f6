using System.Globalization;

namespace Microfinance.Domain.Finance;

/// <summary>
/// An annual interest rate in basis points (1 bp = 0.01%), e.g. the one-year benchmark lending
/// rate 4.35% is <c>435</c>. Published reference rates are always whole basis points, so an
/// integer keeps comparisons against the reference exact.
/// </summary>
public readonly record struct InterestRate(int BasisPoints) : IComparable<InterestRate>
{
    /// <summary>The rate in percent, e.g. <c>4.35m</c>.</summary>
    public decimal Percent => BasisPoints / 100m;

    /// <summary>The rate as a fraction, e.g. <c>0.0435m</c>, ready to multiply an amount by.</summary>
    public decimal Fraction => BasisPoints / 10_000m;

    /// <exception cref="ArgumentException"><paramref name="percent"/> is not a whole number of basis points.</exception>
    public static InterestRate FromPercent(decimal percent)
    {
        var basisPoints = percent * 100m;
        if (basisPoints != decimal.Truncate(basisPoints) || basisPoints < int.MinValue || basisPoints > int.MaxValue)
        {
            throw new ArgumentException($"{percent.ToString(CultureInfo.InvariantCulture)}% is not a whole number of basis points.", nameof(percent));
        }

        return new InterestRate((int)basisPoints);
    }

    public int CompareTo(InterestRate other) => BasisPoints.CompareTo(other.BasisPoints);

    public static bool operator <(InterestRate a, InterestRate b) => a.BasisPoints < b.BasisPoints;

    public static bool operator >(InterestRate a, InterestRate b) => a.BasisPoints > b.BasisPoints;

    public static bool operator <=(InterestRate a, InterestRate b) => a.BasisPoints <= b.BasisPoints;

    public static bool operator >=(InterestRate a, InterestRate b) => a.BasisPoints >= b.BasisPoints;

    /// <summary>The rate as <c>4.35%</c>.</summary>
    public override string ToString() => Percent.ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
