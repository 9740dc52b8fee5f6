using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Quotas;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Regions;

/// <summary>A region with subregions: a province, county or township.</summary>
public interface IParentRegionGrain : IRegionGrain
{
    /// <summary>Records a registered child region; recording it again changes nothing.</summary>
    Task AddSubregionAsync(string childCode);

    /// <summary>The child codes after <paramref name="afterCode"/>, in order.</summary>
    [AlwaysInterleave]
    Task<KeyPage> ListSubregionsAsync(string? afterCode, int pageSize);

    /// <summary>
    /// (Re)allocates quota to a registered subregion: the subregions' allocations never exceed this
    /// region's own (<c>QUOTA_EXCEEDED</c>), and a subregion's never falls below what it has
    /// committed (<c>QUOTA_BELOW_COMMITTED</c>). Returns the subregion's position.
    /// </summary>
    Task<QuotaPosition> AllocateAsync(string childCode, Money amount, string actor, string requestId);
}
