using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Households;

/// <summary>A village's registry import: households registered in one call, each under its own rules, and an import run again.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HouseholdImportTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AnImportRegistersEachHouseholdAndListsThemAllInTheVillage()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var batch = Enumerable.Range(0, 5).Select(_ => new HouseholdRegistration(TestKeys.NewRegistryNumber(), Profiles.Household())).ToList();

        var report = await Grains.GetGrain<IVillageGrain>(village.Value).ImportHouseholdsAsync(batch, "import-1");

        Assert.Equal((5, 0), (report.Registered, report.Refused.Count));
        var listed = await Grains.GetGrain<IVillageGrain>(village.Value).ListHouseholdsAsync(null, 10);
        Assert.Equal(batch.Select(household => household.RegistryNumber).Order(StringComparer.Ordinal), listed.Keys);
        foreach (var household in batch)
        {
            var record = await Grains.GetGrain<IHouseholdGrain>(household.RegistryNumber).GetAsync();
            Assert.Equal((village, household.Profile), (record.Village, record.Profile));
        }
    }

    [Fact]
    public async Task EachBadHouseholdIsRefusedAloneWithItsReason()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var head = TestKeys.NewResidentId();
        await Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber()).RegisterAsync(village, Profiles.Household(head), "earlier");
        var good = new HouseholdRegistration(TestKeys.NewRegistryNumber(), Profiles.Household());
        var headsAnother = new HouseholdRegistration(TestKeys.NewRegistryNumber(), Profiles.Household(head));
        var invalid = new HouseholdRegistration("NOT VALID!", Profiles.Household());

        var report = await Grains.GetGrain<IVillageGrain>(village.Value).ImportHouseholdsAsync([good, headsAnother, good, invalid], "import-2");

        Assert.Equal(1, report.Registered);
        Assert.Equal(
            new HashSet<(string, string)>
            {
                (headsAnother.RegistryNumber, "RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD"),
                (good.RegistryNumber, "HOUSEHOLD_REPEATED_IN_BATCH"),
                ("NOT VALID!", "REGISTRY_NUMBER_INVALID"),
            },
            report.Refused.Select(refusal => (refusal.RegistryNumber, refusal.Reason)).ToHashSet());
        await Assert.ThrowsAsync<NotFoundException>(Grains.GetGrain<IHouseholdGrain>(headsAnother.RegistryNumber).GetAsync);
        Assert.DoesNotContain(report.Refused, refusal => refusal.Message.Contains(head.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnImportRunAgainRegistersNothingTwiceAndAHouseholdRegisteredOtherwiseIsRefused()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var batch = Enumerable.Range(0, 3).Select(_ => new HouseholdRegistration(TestKeys.NewRegistryNumber(), Profiles.Household())).ToList();
        var villageGrain = Grains.GetGrain<IVillageGrain>(village.Value);
        await villageGrain.ImportHouseholdsAsync(batch, "import-3");

        var again = await villageGrain.ImportHouseholdsAsync(batch, "import-3");
        var anotherImport = await villageGrain.ImportHouseholdsAsync(batch[..1], "import-4");

        Assert.Equal((0, 3, 0), (again.Registered, again.AlreadyRegistered, again.Refused.Count));
        Assert.Equal("HOUSEHOLD_ALREADY_EXISTS", Assert.Single(anotherImport.Refused).Reason);
        Assert.Equal(3, (await villageGrain.ListHouseholdsAsync(null, 10)).Keys.Count);
    }
}
