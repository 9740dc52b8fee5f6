using Microfinance.Abstractions.Households;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Households;

/// <summary>
/// A person belongs to one household only, as head or member (一户多贷): otherwise a member listed in
/// one household could head a second one and borrow a second full cap.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OneHouseholdPerPersonTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    private IHouseholdGrain NewHousehold() => Grains.GetGrain<IHouseholdGrain>(TestKeys.NewRegistryNumber());

    private static HouseholdProfile WithMembers(ResidentId head, params ResidentId[] members) =>
        Profiles.Household(head) with { Members = [.. members.Select(id => new HouseholdMemberRecord("王五", id, Relationship.Child))] };

    [Fact]
    public async Task AListedMemberCannotHeadASecondHousehold()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var member = TestKeys.NewResidentId();
        await NewHousehold().RegisterAsync(village, WithMembers(TestKeys.NewResidentId(), member), "first");
        var second = NewHousehold();

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => second.RegisterAsync(village, Profiles.Household(member), "second"));

        Assert.Equal("RESIDENT_ID_ALREADY_IN_HOUSEHOLD", error.Reason);
        await Assert.ThrowsAsync<NotFoundException>(second.GetAsync);
    }

    [Fact]
    public async Task AHeadCannotBeListedAsAMemberElsewhereAndTheRefusedHouseholdHoldsNoOne()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var head = TestKeys.NewResidentId();
        await NewHousehold().RegisterAsync(village, Profiles.Household(head), "first");
        var otherHead = TestKeys.NewResidentId();

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => NewHousehold().RegisterAsync(village, WithMembers(otherHead, head), "second"));
        var afterwards = await NewHousehold().RegisterAsync(village, Profiles.Household(otherHead), "third");

        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", error.Reason);
        Assert.Equal(otherHead, afterwards.Profile.HeadResidentId);
    }

    [Fact]
    public async Task AnUpdateCannotAddSomeoneOfAnotherHouseholdAndKeepsItsMembers()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var elsewhere = TestKeys.NewResidentId();
        await NewHousehold().RegisterAsync(village, WithMembers(TestKeys.NewResidentId(), elsewhere), "first");
        var household = NewHousehold();
        var registered = await household.RegisterAsync(village, Profiles.Household(), "second");
        var joiner = new HouseholdMemberRecord("王五", elsewhere, Relationship.Child);

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => household.UpdateAsync(new HouseholdUpdate(null, null, [joiner], null, null, null), "add"));

        Assert.Equal("RESIDENT_ID_ALREADY_IN_HOUSEHOLD", error.Reason);
        Assert.Equal(registered, await household.GetAsync());
    }

    [Fact]
    public async Task AMemberNoLongerListedIsFreeToHeadAHouseholdOfTheirOwn()
    {
        var village = await Hierarchy.NewVillageAsync(Grains);
        var grownChild = TestKeys.NewResidentId();
        var parents = NewHousehold();
        await parents.RegisterAsync(village, WithMembers(TestKeys.NewResidentId(), grownChild), "register");

        await parents.UpdateAsync(new HouseholdUpdate(null, null, [], null, null, null), "moved-out");
        var own = await NewHousehold().RegisterAsync(village, Profiles.Household(grownChild), "own");

        Assert.Equal(grownChild, own.Profile.HeadResidentId);
    }
}
