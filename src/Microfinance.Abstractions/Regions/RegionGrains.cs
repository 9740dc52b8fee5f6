using Microfinance.Abstractions.Common;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Regions;

/// <summary>Finds the grain of a region by the level its code implies.</summary>
public static class RegionGrains
{
    public static IRegionGrain GetRegion(this IGrainFactory grains, AdminCode code) => code.Level switch
    {
        AdminLevel.Province => grains.Get<IProvinceGrain>(code.Value),
        AdminLevel.County => grains.Get<ICountyGrain>(code.Value),
        AdminLevel.Township => grains.Get<ITownshipGrain>(code.Value),
        AdminLevel.Village => grains.Get<IVillageGrain>(code.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code.Level, "Unknown administrative level."),
    };

    /// <summary>The grain of a region that has subregions, or null for a village.</summary>
    public static IParentRegionGrain? GetParentRegion(this IGrainFactory grains, AdminCode code) =>
        grains.GetRegion(code) as IParentRegionGrain;
}
