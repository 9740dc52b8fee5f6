using Microfinance.Abstractions.Common;

namespace Microfinance.Abstractions.Regions;

/// <summary>A region with subregions: a province, county or township.</summary>
public interface IParentRegionGrain : IRegionGrain
{
    /// <summary>Records a registered child region; recording it again changes nothing.</summary>
    Task AddSubregionAsync(string childCode);

    /// <summary>The child codes after <paramref name="afterCode"/>, in order.</summary>
    [AlwaysInterleave]
    Task<KeyPage> ListSubregionsAsync(string? afterCode, int pageSize);
}
