using Microfinance.Abstractions.Quotas;
using Microfinance.Domain.Finance;

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
    [AlwaysInterleave]
    Task<RegionRecord> GetAsync();

    /// <summary>
    /// Records the region as a credit township or village (信用乡镇, 信用村) on
    /// <paramref name="document"/>, or withdraws the standing. Only a township or a village has
    /// one: <c>CREDIT_DESIGNATION_NOT_APPLICABLE</c> for a county or province.
    /// </summary>
    Task<RegionRecord> DesignateCreditAsync(bool designated, string document, string actor, string requestId);

    /// <summary>Whether the region is registered.</summary>
    [AlwaysInterleave]
    Task<bool> ExistsAsync();

    /// <summary>The region's quota and what is committed against it.</summary>
    [AlwaysInterleave]
    Task<QuotaPosition> GetQuotaAsync();

    /// <summary>
    /// Sets the quota allocated to this region: by the provincial platform for a province, by the
    /// parent region otherwise (<see cref="IParentRegionGrain.AllocateAsync"/>). Never below what is
    /// already passed on or committed: <c>QUOTA_BELOW_COMMITTED</c>.
    /// </summary>
    Task<QuotaPosition> SetAllocationAsync(Money amount, string actor, string requestId);
}
