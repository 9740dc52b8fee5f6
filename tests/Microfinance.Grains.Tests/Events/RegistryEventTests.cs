using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Domain.Households;
using Microfinance.Domain.LegalPersons;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Events;

/// <summary>Regions, households and legal persons registered or changed, published on their county's stream.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RegistryEventTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task TheCountyItsTownshipsAndItsVillagesArePublishedAsTheyAreRegistered()
    {
        var county = TestKeys.NewCounty();
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);

        await Hierarchy.RegisterCountyAsync(Grains, county);
        var village = await Hierarchy.NewVillageInAsync(Grains, county);

        await events.WaitForAsync<RegionRegistered>(e => e.Region == village);
        Assert.Equal(
            [(county, "测试县"), (village.Township, "测试镇"), (village, "测试村")],
            events.All<RegionRegistered>().Select(e => (e.Region, e.Name)));
    }

    [Fact]
    public async Task ARegisteredHouseholdIsPublishedWithItsVillageAndStanding()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, village.County);
        var registryNumber = TestKeys.NewRegistryNumber();

        await Grains.GetGrain<IHouseholdGrain>(registryNumber).RegisterAsync(village, Profiles.Household(), "register");

        var registered = await events.WaitForAsync<HouseholdRegistered>();
        Assert.Equal(registryNumber, registered.RegistryNumber);
        Assert.Equal(village, registered.Village);
        Assert.Equal(village.County, registered.County);
        Assert.Equal(HouseholdCategory.RegisteredPoor, registered.Category);
        Assert.Equal(LaborCapacity.Ordinary, registered.LaborCapacity);
        Assert.Equal(3, registered.StarRating);

        // 张三, the head, and 李四, his spouse.
        Assert.Equal(2, registered.MemberCount);
    }

    [Fact]
    public async Task AnUpdatedHouseholdIsPublishedAsItIsNow()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber());
        await household.RegisterAsync(village, Profiles.Household(), "register");
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, village.County);

        await household.UpdateAsync(new HouseholdUpdate(null, null, [], HouseholdCategory.EscapedPoverty, null, 5), "rerate");

        var updated = await events.WaitForAsync<HouseholdUpdated>();
        Assert.Equal(HouseholdCategory.EscapedPoverty, updated.Category);
        Assert.Equal(LaborCapacity.Ordinary, updated.LaborCapacity);
        Assert.Equal(5, updated.StarRating);
        Assert.Equal(1, updated.MemberCount);
    }

    [Fact]
    public async Task AReplayedHouseholdRegistrationPublishesNothing()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber());
        var profile = Profiles.Household();
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, village.County);
        await household.RegisterAsync(village, profile, "register");

        await household.RegisterAsync(village, profile, "register");

        // The replay's event would have been queued before this one's, and the stream keeps that order.
        await household.UpdateAsync(new HouseholdUpdate(null, null, null, null, null, 4), "rerate");
        await events.WaitForAsync<HouseholdUpdated>();
        Assert.Single(events.All<HouseholdRegistered>());
    }

    [Fact]
    public async Task ARegisteredLegalPersonIsPublished()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        await using var events = await CountyEventLog.SubscribeAsync(fixture.Client, county);
        var code = TestKeys.NewCreditCode();

        await Grains.GetGrain<ILegalPersonGrain>(code.Value)
            .RegisterAsync(new LegalPersonProfile("绿源种植专业合作社", LegalPersonKind.Cooperative, county, "何正平"), "register");

        var registered = await events.WaitForAsync<LegalPersonRegistered>();
        Assert.Equal(code.Value, registered.CreditCode);
        Assert.Equal("绿源种植专业合作社", registered.Name);
        Assert.Equal(LegalPersonKind.Cooperative, registered.Kind);
    }
}
