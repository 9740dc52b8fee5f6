namespace Microfinance.Abstractions.Operations;

/// <summary>
/// Reads every county's standing for the operators' gauges (quota use, fund leverage, loans by
/// overdue bucket, claims by status) on a timer, and exports them from the silo it is active on.
/// One per cluster, keyed <see cref="Key"/>, so each figure is exported once.
/// </summary>
public interface IProvinceGaugesGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Keeps the grain active: every silo calls it now and then, so it comes back where it went with a silo.</summary>
    Task KeepAsync();
}
