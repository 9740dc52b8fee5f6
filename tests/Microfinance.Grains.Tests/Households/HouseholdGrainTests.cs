using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Households;

[Collection(ClusterCollection.Name)]
public sealed class HouseholdGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    private IHouseholdGrain NewHousehold() => Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber());

    [Fact]
    public async Task RegisteredHouseholdIsListedByItsVillage()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = NewHousehold();

        var registered = await household.RegisterAsync(village, Profiles.Household(), "register");

        var page = await Grains.GetGrain<IVillageGrain>(village.Value).ListHouseholdsAsync(null, 10);
        Assert.Equal([registered.RegistryNumber.Value], page.Keys);
        Assert.Equal(registered, await household.GetAsync());
    }

    [Fact]
    public async Task RegistrationInAnUnregisteredVillageIsRefusedAndChangesNothing()
    {
        var village = TestKeys.Village(TestKeys.Township(TestKeys.NewCounty(), 1), 1);
        var household = NewHousehold();

        var error = await Assert.ThrowsAsync<NotFoundException>(
            () => household.RegisterAsync(village, Profiles.Household(), "register"));

        Assert.Equal("VILLAGE_NOT_FOUND", error.Reason);
        await Assert.ThrowsAsync<NotFoundException>(household.GetAsync);
    }

    [Fact]
    public async Task ATakenRegistryNumberIsRefused()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = NewHousehold();
        await household.RegisterAsync(village, Profiles.Household(), "first");

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => household.RegisterAsync(village, Profiles.Household(), "second"));

        Assert.Equal("HOUSEHOLD_ALREADY_EXISTS", error.Reason);
    }

    [Fact]
    public async Task APersonCannotHeadTwoHouseholds()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var head = TestKeys.NewResidentId();
        await NewHousehold().RegisterAsync(village, Profiles.Household(head), "first");
        var second = NewHousehold();

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => second.RegisterAsync(village, Profiles.Household(head), "second"));

        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", error.Reason);
        await Assert.ThrowsAsync<NotFoundException>(second.GetAsync);
    }

    [Fact]
    public async Task ReplayingARegistrationReturnsTheOriginalHousehold()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = NewHousehold();
        var profile = Profiles.Household();
        var registered = await household.RegisterAsync(village, profile, "register");

        var replayed = await household.RegisterAsync(village, profile, "register");

        Assert.Equal(registered, replayed);
    }

    [Fact]
    public async Task AResidentIdLeftClaimedByAnInterruptedRegistrationCanHeadAnotherHousehold()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var head = TestKeys.NewResidentId();
        await Grains.GetGrain<IResidentIdClaimGrain>(fixture.ClaimKey.Of(head)).ClaimAsync("NEVER-REGISTERED");
        var household = NewHousehold();

        var registered = await household.RegisterAsync(village, Profiles.Household(head), "register");

        Assert.Equal(head, registered.Profile.HeadResidentId);
    }

    [Fact]
    public async Task ChangingTheHeadFreesThePreviousHeadsResidentId()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var previousHead = TestKeys.NewResidentId();
        var household = NewHousehold();
        await household.RegisterAsync(village, Profiles.Household(previousHead), "register");
        var newHead = TestKeys.NewResidentId();
        await household.UpdateAsync(new HouseholdUpdate("王五", newHead, null, null, null, null), "change-head");

        var other = await NewHousehold().RegisterAsync(village, Profiles.Household(previousHead), "register-other");

        Assert.Equal(previousHead, other.Profile.HeadResidentId);
        Assert.Equal(newHead, (await household.GetAsync()).Profile.HeadResidentId);
    }

    [Fact]
    public async Task AnUpdateChangesOnlyTheFieldsItSets()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = NewHousehold();
        var registered = await household.RegisterAsync(village, Profiles.Household(), "register");

        var updated = await household.UpdateAsync(
            new HouseholdUpdate(null, null, null, HouseholdCategory.EscapedPoverty, null, 5), "update");

        Assert.Equal(registered.Profile with { Category = HouseholdCategory.EscapedPoverty, StarRating = 5 }, updated.Profile);
    }

    [Fact]
    public async Task ReplayingAnUpdateAfterALaterOneDoesNotApplyItAgain()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = NewHousehold();
        await household.RegisterAsync(village, Profiles.Household(), "register");
        await household.UpdateAsync(new HouseholdUpdate(null, null, null, null, null, 2), "rate-2");
        await household.UpdateAsync(new HouseholdUpdate(null, null, null, null, null, 4), "rate-4");

        var replayed = await household.UpdateAsync(new HouseholdUpdate(null, null, null, null, null, 2), "rate-2");

        Assert.Equal(4, replayed.Profile.StarRating);
    }

    [Fact]
    public async Task AnUpdateCannotMakeSomeoneHeadOfTwoHouseholds()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var taken = TestKeys.NewResidentId();
        await NewHousehold().RegisterAsync(village, Profiles.Household(taken), "register-first");
        var household = NewHousehold();
        var registered = await household.RegisterAsync(village, Profiles.Household(), "register-second");

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => household.UpdateAsync(new HouseholdUpdate("冒名", taken, null, null, null, null), "steal"));

        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", error.Reason);
        Assert.Equal(registered, await household.GetAsync());
    }

    [Fact]
    public async Task AnUpdateIdReusedForAnotherUpdateIsRefusedAndChangesNothing()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = NewHousehold();
        await household.RegisterAsync(village, Profiles.Household(), "register");
        await household.UpdateAsync(new HouseholdUpdate(null, null, null, null, null, 2), "rate");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => household.UpdateAsync(new HouseholdUpdate(null, null, null, null, null, 4), "rate"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal(2, (await household.GetAsync()).Profile.StarRating);
    }

    [Fact]
    public async Task TheRegistrationsIdReusedForAnUpdateIsRefused()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var household = NewHousehold();
        await household.RegisterAsync(village, Profiles.Household(), "register");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => household.UpdateAsync(new HouseholdUpdate(null, null, null, null, null, 4), "register"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
    }
}
