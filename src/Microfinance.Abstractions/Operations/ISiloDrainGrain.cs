namespace Microfinance.Abstractions.Operations;

/// <summary>
/// Drains one silo: keyed by the silo's address in Orleans' parsable form
/// (<c>SiloAddress.ToParsableString()</c>), and always active on that silo, never elsewhere.
/// </summary>
public interface ISiloDrainGrain : IGrainWithStringKey
{
    /// <summary>
    /// Asks the silo's host to stop, as a SIGTERM would: the silo stops taking calls, hands its grains
    /// over, leaves the cluster and exits within its shutdown time. Returns before it starts.
    /// </summary>
    Task DrainAsync();
}
