namespace Microfinance.Domain.Reporting;

/// <summary>
/// How a county's (or township's, village's) registered households are rated, against 第十二条's
/// targets: "5星级客户占比年内达30%以上，3星级客户占比年内达50%以上" — at least 30% five-star and at least
/// 50% three-star or better, of all registered households, rated or not.
/// </summary>
/// <param name="ByStars">Households by star rating: index 0 the unrated, then 1 to 5 stars.</param>
public sealed record RatingDistribution(IReadOnlyList<int> ByStars)
{
    /// <summary>第十二条: the share of five-star households to reach, in basis points.</summary>
    public const int FiveStarTargetBp = 3_000;

    /// <summary>第十二条: the share of households rated three stars or better to reach, in basis points.</summary>
    public const int ThreeStarOrBetterTargetBp = 5_000;

    private const int MaxStars = 5;

    public static RatingDistribution None { get; } = new(new int[MaxStars + 1]);

    /// <summary>Every registered household counted.</summary>
    public int Households => ByStars.Sum();

    /// <summary>Five-star households, of all, in basis points.</summary>
    public int FiveStarBp => BasisPoints.Of(ByStars[MaxStars], Households);

    /// <summary>Households rated three stars or better, of all, in basis points.</summary>
    public int ThreeStarOrBetterBp => BasisPoints.Of(ByStars.Skip(3).Sum(), Households);

    /// <summary>Whether both of 第十二条's targets are met; never for no household.</summary>
    public bool MeetsTargets => Households > 0 && FiveStarBp >= FiveStarTargetBp && ThreeStarOrBetterBp >= ThreeStarOrBetterTargetBp;

    /// <summary>This distribution with one more household rated <paramref name="stars"/> (0 for unrated).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stars"/> is outside 0 to 5.</exception>
    public RatingDistribution With(int stars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stars);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stars, MaxStars);
        var counts = ByStars.ToArray();
        counts[stars]++;
        return new RatingDistribution(counts);
    }
}
