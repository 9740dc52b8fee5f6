namespace Microfinance.Domain.Reporting;

/// <summary>Rates as the provinces publish them, to two decimals of a percent: basis points, rounded half away from zero.</summary>
public static class BasisPoints
{
    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/> in basis points; 0 when <paramref name="whole"/> is 0.</summary>
    public static int Of(long part, long whole) =>
        whole == 0 ? 0 : (int)Math.Round(part * 10_000m / whole, MidpointRounding.AwayFromZero);
}
