using Microfinance.Abstractions.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Quotas;

namespace Microfinance.Grains.Regions;

/// <summary>The persisted state of a region grain, at any level.</summary>
[GenerateSerializer, Alias("mf.RegionState")]
public sealed class RegionState
{
    /// <summary>The registration, or null while the code is unregistered.</summary>
    [Id(0)]
    public RegionRecord? Record { get; set; }

    /// <summary>
    /// Child keys as stored before they had a row of their own (<see cref="RegionChildren"/>): moved
    /// there when the region activates, then empty.
    /// </summary>
    [Id(2)]
    public List<string> Children { get; set; } = [];

    /// <summary>The region's lending quota.</summary>
    [Id(3)]
    public QuotaState Quota { get; set; } = new();

    /// <summary>
    /// The registration and the quota changes applied lately (Id 1 held the registration's id alone
    /// before, and the quota's Id 3 its own ids).
    /// </summary>
    [Id(4)]
    public RequestLog Requests { get; set; } = new();
}
