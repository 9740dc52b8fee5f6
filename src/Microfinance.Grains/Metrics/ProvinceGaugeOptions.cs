namespace Microfinance.Grains.Metrics;

/// <summary>How often <see cref="ProvinceGaugesGrain"/> reads the counties.</summary>
public sealed class ProvinceGaugeOptions
{
    /// <summary>
    /// The period between readings (a minute by default). A reading asks every county's villages for
    /// their quotas, so a province of 14,000 villages costs tens of thousands of grain calls.
    /// </summary>
    public TimeSpan ReadEvery { get; set; } = TimeSpan.FromMinutes(1);
}
