using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;

namespace Microfinance.Grains.Regions;

/// <summary>A region whose children are subregions: province, county or township.</summary>
public abstract class ParentRegionGrain(IPersistentState<RegionState> state, TimeProvider clock)
    : RegionGrain(state, clock), IParentRegionGrain
{
    public Task AddSubregionAsync(string childCode) => AddChildAsync(childCode);

    public Task<KeyPage> ListSubregionsAsync(string? afterCode, int pageSize) =>
        Task.FromResult(PageOfChildren(afterCode, pageSize));
}
