using Orleans.Concurrency;

namespace Microfinance.Abstractions.Households;

/// <summary>
/// Once per county, claims the resident id of every person its registered households list (一户多贷):
/// households registered before members' ids were claimed hold none for their members, so until
/// swept, a member of one could head another. Keyed by the county's 12-digit code.
/// </summary>
public interface ICountyRegistrySweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sweeps the county's households unless a sweep has run to the end, without the caller waiting
    /// for it. A person two households already list is left with the first to claim, and the other
    /// household is named among the conflicts for the county to resolve.
    /// </summary>
    [OneWay]
    Task StartAsync();

    /// <summary>What the sweep found; null until it has run to the end.</summary>
    Task<RegistrySweep?> GetResultAsync();
}
