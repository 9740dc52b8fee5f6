using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Regions;
using Microfinance.Grains;
using Microfinance.Grains.Regions;
using Microfinance.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Microfinance.Postgres.Tests.Registry;

/// <summary>The registry on real PostgreSQL: what a cluster registered, a restarted cluster still has.</summary>
public sealed class RegistryPersistenceTests : IAsyncLifetime
{
    private static readonly AdminCode Village = AdminCode.Parse("530124101001");

    private MigratedDatabase? _database;

    private string SiloConnectionString => _database!.SiloConnectionString;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync("mf_registry");

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    [Fact]
    public async Task RegisteredRegionsHouseholdsAndLegalPersonsSurviveAClusterRestart()
    {
        var household = new HouseholdProfile(
            "张文华",
            ResidentId.Parse("530124197803150013"),
            [new HouseholdMemberRecord("李秀英", ResidentId.Parse("530124198511020027"), Relationship.Spouse)],
            HouseholdCategory.RegisteredPoor,
            LaborCapacity.Ordinary,
            StarRating: 4);
        var cooperative = new LegalPersonProfile("绿源种植专业合作社", LegalPersonKind.Cooperative, AdminCode.Parse("530124"), "何正平");
        HouseholdRecord registered;
        LegalPersonRecord registeredCooperative;
        await using (var first = await PlatformCluster.StartAsync(SiloConnectionString, silos: 2))
        {
            await RegisterVillageAsync(first.GrainFactory);

            registered = await first.GrainFactory.GetGrain<IHouseholdGrain>("0001").RegisterAsync(Village, household, "register");
            registeredCooperative = await first.GrainFactory.GetGrain<ILegalPersonGrain>("93530124MA6K7Q2P1C")
                .RegisterAsync(cooperative, "register-cooperative");
            await first.StopAllSilosAsync();
        }

        await using var second = await PlatformCluster.StartAsync(SiloConnectionString);

        Assert.Equal(registered, await second.GrainFactory.GetGrain<IHouseholdGrain>("0001").GetAsync());
        Assert.Equal(registeredCooperative, await second.GrainFactory.GetGrain<ILegalPersonGrain>("93530124MA6K7Q2P1C").GetAsync());
        var listed = await second.GrainFactory.GetGrain<IVillageGrain>(Village.Value).ListHouseholdsAsync(null, 10);
        Assert.Equal(["0001"], listed.Keys);
        var townships = await second.GrainFactory.GetGrain<ICountyGrain>("530124000000").ListSubregionsAsync(null, 10);
        Assert.Equal(["530124101000"], townships.Keys);
    }

    [Fact]
    public async Task AHeadRegisteredBeforeARestartStillCannotHeadASecondHousehold()
    {
        var head = ResidentId.Parse("53012419690723003X");
        HouseholdProfile Profile() => new("王德明", head, [], HouseholdCategory.Monitored, LaborCapacity.Weak, 0);
        await using (var first = await PlatformCluster.StartAsync(SiloConnectionString))
        {
            await RegisterVillageAsync(first.GrainFactory);

            await first.GrainFactory.GetGrain<IHouseholdGrain>("0003").RegisterAsync(Village, Profile(), "register");
            await first.StopAllSilosAsync();
        }

        await using var second = await PlatformCluster.StartAsync(SiloConnectionString);

        var error = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => second.GrainFactory.GetGrain<IHouseholdGrain>("0099").RegisterAsync(Village, Profile(), "register-again"));

        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", error.Reason);
    }

    [Fact]
    public async Task HouseholdsStoredInTheirVillagesOwnRowMoveToARowOfTheirOwn()
    {
        await using (var first = await PlatformCluster.StartAsync(SiloConnectionString))
        {
            await RegisterVillageAsync(first.GrainFactory);
            await first.StopAllSilosAsync();
        }

        await using var second = await PlatformCluster.StartAsync(SiloConnectionString);
        var village = second.GrainFactory.GetGrain<IVillageGrain>(Village.Value);
        var grainId = ((GrainReference)(object)village).GrainId;
        var storage = second.GetSiloServiceProvider(second.GetActiveSilos().First().SiloAddress)
            .GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var stored = new GrainState<RegionState>();
        await storage.ReadStateAsync("village", grainId, stored);
        stored.State!.Children = ["0001", "0002"];
        await storage.WriteStateAsync("village", grainId, stored);

        var listed = await village.ListHouseholdsAsync(null, 10);

        Assert.Equal(["0001", "0002"], listed.Keys);
        var region = new GrainState<RegionState>();
        await storage.ReadStateAsync("village", grainId, region);
        var children = new GrainState<RegionChildren>();
        await storage.ReadStateAsync("villagechildren", grainId, children);
        Assert.Empty(region.State!.Children);
        Assert.Equal(["0001", "0002"], children.State!.Keys);
    }

    private static async Task RegisterVillageAsync(IGrainFactory grains)
    {
        foreach (var (code, name) in new[] { ("53", "云南省"), ("530124", "富民县"), ("530124101", "款庄镇"), ("530124101001", "款庄村") })
        {
            await grains.GetRegion(AdminCode.Parse(code)).CreateAsync(name, $"create-{code}");
        }
    }
}
