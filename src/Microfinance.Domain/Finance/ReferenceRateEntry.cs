namespace Microfinance.Domain.Finance;

/// <summary>
/// One published set of reference lending rates, in force from <see cref="EffectiveFrom"/> until
/// the next set of the same <see cref="Source"/>, by term band.
/// </summary>
/// <remarks>
/// The bands are the PBOC benchmark's (≤1 year, 1–5 years, over 5 years). The LPR is quoted for
/// 1 year and over 5 years only; <see cref="Lpr"/> puts the 5-year LPR in both longer bands, which
/// prices every loan longer than a year off the 5-year LPR as the 2021 rules require.
/// </remarks>
public sealed record ReferenceRateEntry(
    InterestSource Source,
    DateOnly EffectiveFrom,
    InterestRate UpToOneYear,
    InterestRate OneToFiveYears,
    InterestRate OverFiveYears)
{
    /// <summary>A PBOC benchmark lending rate set (基准利率), in basis points per band.</summary>
    public static ReferenceRateEntry Benchmark(DateOnly effectiveFrom, int upToOneYear, int oneToFiveYears, int overFiveYears) =>
        new(InterestSource.Benchmark, effectiveFrom, new(upToOneYear), new(oneToFiveYears), new(overFiveYears));

    /// <summary>A loan prime rate fixing (贷款市场报价利率), 1-year and 5-year, in basis points.</summary>
    public static ReferenceRateEntry Lpr(DateOnly effectiveFrom, int oneYear, int fiveYear) =>
        new(InterestSource.Lpr, effectiveFrom, new(oneYear), new(fiveYear), new(fiveYear));
}
