using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Regions;

[Collection(ClusterCollection.Name)]
public sealed class RegionGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task TownshipUnderAnUnregisteredCountyIsRefused()
    {
        var county = TestKeys.NewCounty();
        var township = Grains.GetRegion(TestKeys.Township(county, 1));

        var error = await Assert.ThrowsAsync<NotFoundException>(() => township.CreateAsync("无主镇", "r1"));

        Assert.Equal("PARENT_REGION_NOT_FOUND", error.Reason);
        Assert.False(await township.ExistsAsync());
    }

    [Fact]
    public async Task RegisteredTownshipsAreListedByTheirCountyInCodeOrder()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        foreach (var number in new[] { 3, 1, 2 })
        {
            var township = TestKeys.Township(county, number);
            await Grains.GetRegion(township).CreateAsync($"镇{number}", $"create-{township}");
        }

        var page = await Grains.GetGrain<ICountyGrain>(county.Value).ListSubregionsAsync(null, 10);

        Assert.Equal([1, 2, 3], page.Keys.Select(key => int.Parse(key[6..9])));
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public async Task SubregionPagesContinueAfterTheLastKey()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        for (var number = 1; number <= 5; number++)
        {
            var township = TestKeys.Township(county, number);
            await Grains.GetRegion(township).CreateAsync($"镇{number}", $"create-{township}");
        }

        var countyGrain = Grains.GetGrain<ICountyGrain>(county.Value);
        var first = await countyGrain.ListSubregionsAsync(null, 2);
        var second = await countyGrain.ListSubregionsAsync(first.NextAfter, 2);
        var last = await countyGrain.ListSubregionsAsync(second.NextAfter, 2);

        Assert.Equal(5, first.Keys.Concat(second.Keys).Concat(last.Keys).Distinct().Count());
        Assert.Null(last.NextAfter);
    }

    [Fact]
    public async Task ReplayingACreationReturnsTheOriginalRegion()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var township = Grains.GetRegion(TestKeys.Township(county, 7));
        var created = await township.CreateAsync("七镇", "replayed-request");

        var replayed = await township.CreateAsync("七镇", "replayed-request");

        Assert.Equal(created, replayed);
    }

    [Fact]
    public async Task RegisteringATakenCodeAgainIsRefused()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var township = Grains.GetRegion(TestKeys.Township(county, 8));
        await township.CreateAsync("八镇", "first-request");

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(() => township.CreateAsync("另一个镇", "second-request"));

        Assert.Equal("REGION_ALREADY_EXISTS", error.Reason);
        Assert.Equal("八镇", (await township.GetAsync()).Name);
    }

    [Fact]
    public async Task AnUnregisteredRegionIsNotFound()
    {
        var region = Grains.GetRegion(TestKeys.NewCounty());

        var error = await Assert.ThrowsAsync<NotFoundException>(region.GetAsync);

        Assert.Equal("REGION_NOT_FOUND", error.Reason);
    }

    [Fact]
    public async Task ACreationIdReusedForAnotherNameIsRefused()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);
        var township = Grains.GetRegion(TestKeys.Township(county, 9));
        await township.CreateAsync("九镇", "create-9");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => township.CreateAsync("久镇", "create-9"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal("九镇", (await township.GetAsync()).Name);
    }
}
