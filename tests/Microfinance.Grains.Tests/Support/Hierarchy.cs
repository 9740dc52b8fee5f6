using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Tests.Support;

/// <summary>Registers a fresh branch of the hierarchy for a test.</summary>
public static class Hierarchy
{
    public static readonly AdminCode Province = AdminCode.Parse("53");

    /// <summary>Registers province 53 (once) and a new county under it.</summary>
    public static async Task<AdminCode> NewCountyAsync(IGrainFactory grains)
    {
        await grains.GetRegion(Province).CreateAsync("云南省", "test-province-53");
        var county = TestKeys.NewCounty();
        await grains.GetRegion(county).CreateAsync("测试县", $"create-{county}");
        return county;
    }

    /// <summary>Registers a new county, a township in it and a village in that.</summary>
    public static async Task<AdminCode> NewVillageAsync(IGrainFactory grains)
    {
        var county = await NewCountyAsync(grains);
        var township = TestKeys.Township(county, 1);
        await grains.GetRegion(township).CreateAsync("测试镇", $"create-{township}");
        var village = TestKeys.Village(township, 1);
        await grains.GetRegion(village).CreateAsync("测试村", $"create-{village}");
        return village;
    }
}
