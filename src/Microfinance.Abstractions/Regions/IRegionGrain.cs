using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Regions;

/// <summary>
/// What every level of the hierarchy (province, county, township, village) answers. Keyed by
/// the region's 12-digit division code; the parent is implied by the code.
/// </summary>
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the region under its (already registered) parent. Replaying the same request id
    /// returns the original record; another request for a registered code fails with
    /// <c>REGION_ALREADY_EXISTS</c>, an unregistered parent with <c>PARENT_REGION_NOT_FOUND</c>.
    /// </summary>
    Task<RegionRecord> CreateAsync(string name, string requestId);

    /// <summary>The region, or <c>REGION_NOT_FOUND</c>.</summary>
    Task<RegionRecord> GetAsync();

    /// <summary>Whether the region is registered.</summary>
    [AlwaysInterleave]
    Task<bool> ExistsAsync();
}
