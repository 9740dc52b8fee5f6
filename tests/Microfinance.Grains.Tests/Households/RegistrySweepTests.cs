using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Households;

/// <summary>
/// Households registered before members' resident ids were claimed hold no claim for their members;
/// the county's first day-close sweeps them, so that a listed member can no longer head another.
/// A household here is made "pre-existing" by giving its member's claim back, as it never had one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RegistrySweepTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AfterTheCountysFirstCloseAMemberOfAnOlderHouseholdCannotHeadAnother()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var member = TestKeys.NewResidentId();
        var older = await PreExistingHouseholdAsync(village, member);

        await Grains.GetGrain<ICountyBooksGrain>(village.County.Value).CloseThroughAsync(fixture.TodayIn(village.County).AddDays(-1));
        var sweep = await SweptAsync(village.County);
        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber()).RegisterAsync(village, Profiles.Household(member), "second"));

        Assert.Equal((1, 0), (sweep.Households, sweep.Conflicts.Count));
        Assert.Equal("RESIDENT_ID_ALREADY_IN_HOUSEHOLD", error.Reason);
        Assert.Contains(older.GetPrimaryKeyString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHouseholdListingSomeoneAnotherHeadedMeanwhileIsNamedAsAConflict()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var member = TestKeys.NewResidentId();
        var older = await PreExistingHouseholdAsync(village, member);
        await Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber()).RegisterAsync(village, Profiles.Household(member), "before-the-sweep");

        await Grains.GetGrain<ICountyRegistrySweepGrain>(village.County.Value).StartAsync();
        var sweep = await SweptAsync(village.County);

        Assert.Equal(2, sweep.Households);
        Assert.Equal([older.GetPrimaryKeyString()], sweep.Conflicts);
    }

    /// <summary>The county's sweep once it has run: the close only asks for it, and goes on.</summary>
    private async Task<RegistrySweep> SweptAsync(AdminCode county)
    {
        var sweeper = Grains.GetGrain<ICountyRegistrySweepGrain>(county.Value);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await sweeper.GetResultAsync() is { } sweep)
            {
                return sweep;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"County {county}'s registry sweep did not run.");
    }

    /// <summary>A household listing <paramref name="member"/> whose claim it does not hold, as one registered before members were claimed.</summary>
    private async Task<IHouseholdGrain> PreExistingHouseholdAsync(AdminCode village, ResidentId member)
    {
        var household = Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber());
        var profile = Profiles.Household(TestKeys.NewResidentId()) with { Members = [new HouseholdMemberRecord("王五", member, Relationship.Child)] };
        await household.RegisterAsync(village, profile, "register");
        await Grains.GetGrain<IResidentIdClaimGrain>(fixture.ClaimKey.Of(member)).ReleaseAsync(household.GetPrimaryKeyString());
        return household;
    }
}
