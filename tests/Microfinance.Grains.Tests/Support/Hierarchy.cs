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
        var county = TestKeys.NewCounty();
        await RegisterCountyAsync(grains, county);
        return county;
    }

    /// <summary>Registers province 53 (once) and <paramref name="county"/>, a code from <see cref="TestKeys.NewCounty"/>.</summary>
    public static async Task RegisterCountyAsync(IGrainFactory grains, AdminCode county)
    {
        await grains.GetRegion(Province).CreateAsync("云南省", "test-province-53");
        await grains.GetRegion(county).CreateAsync("测试县", $"create-{county}");
    }

    /// <summary>Registers a new county, a township in it and a village in that.</summary>
    public static async Task<AdminCode> NewVillageAsync(IGrainFactory grains) =>
        await NewVillageInAsync(grains, await NewCountyAsync(grains));

    /// <summary>Registers township 1 of a registered county and village 1 of that township.</summary>
    public static async Task<AdminCode> NewVillageInAsync(IGrainFactory grains, AdminCode county)
    {
        var township = TestKeys.Township(county, 1);
        await grains.GetRegion(township).CreateAsync("测试镇", $"create-{township}");
        var village = TestKeys.Village(township, 1);
        await grains.GetRegion(village).CreateAsync("测试村", $"create-{village}");
        return village;
    }
}
