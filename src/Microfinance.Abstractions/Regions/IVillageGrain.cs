using Microfinance.Abstractions.Common;

namespace Microfinance.Abstractions.Regions;

/// <summary>A village (村): holds its households and the public notice board.</summary>
public interface IVillageGrain : IRegionGrain
{
    /// <summary>Records a registered household; recording it again changes nothing.</summary>
    Task AddHouseholdAsync(string registryNumber);

    /// <summary>The registry numbers after <paramref name="afterRegistryNumber"/>, in order.</summary>
    [AlwaysInterleave]
    Task<KeyPage> ListHouseholdsAsync(string? afterRegistryNumber, int pageSize);
}
