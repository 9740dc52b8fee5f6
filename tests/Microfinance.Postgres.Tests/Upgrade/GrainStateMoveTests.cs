using System.Reflection;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;
using Microfinance.Grains;
using Microfinance.Postgres.Tests.Registry;
using Microfinance.Silo.Hosting;
using Microfinance.Testing.Logging;
using Npgsql;

namespace Microfinance.Postgres.Tests.Upgrade;

/// <summary>
/// A database that ran on the ADO.NET grain storage keeps its data: migration 0005 moves its rows
/// into the batched provider's table, under the full grain id.
/// </summary>
public sealed class GrainStateMoveTests : IAsyncLifetime
{
    private const int LastAdoNetOnlyVersion = 4;
    private const int MoveVersion = 5;
    private const string Household = "530124101001-0001";
    private static readonly AdminCode Village = AdminCode.Parse("530124101001");

    private MigratedDatabase? _database;

    private MigratedDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync("mf_move", LastAdoNetOnlyVersion);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    [Fact]
    public async Task ARegistryWrittenThroughTheAdoNetProviderIsServedByTheBatchedOneAfterMigrate()
    {
        var head = ResidentId.Parse("530124197803150013");
        var profile = new HouseholdProfile("张文华", head, [], HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, StarRating: 4);
        HouseholdRecord registered;
        await using (var before = await PlatformCluster.StartAsync(
            Database.SiloConnectionString, storage: GrainStorageProvider.AdoNet, rawClaimKeys: true))
        {
            await RegisterVillageAsync(before.GrainFactory);
            registered = await before.GrainFactory.GetGrain<IHouseholdGrain>(Household).RegisterAsync(Village, profile, "register");
            await before.StopAllSilosAsync();
        }

        await Database.MigrateAsync();

        await using var after = await PlatformCluster.StartAsync(Database.SiloConnectionString);
        Assert.Equal(registered, await after.GrainFactory.GetGrain<IHouseholdGrain>(Household).GetAsync());
        Assert.Equal([Household], (await after.GrainFactory.GetGrain<IVillageGrain>(Village.Value).ListHouseholdsAsync(null, 10)).Keys);
        var again = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => after.GrainFactory.GetGrain<IHouseholdGrain>("530124101001-0002").RegisterAsync(Village, profile, "register-again"));
        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", again.Reason);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM orleans_grain_state"));
    }

    [Fact]
    public async Task EveryGrainClassesStateIsMovedUnderItsGrainType()
    {
        var states = PersistedStatesOfTheGrains();
        foreach (var (stateName, _) in states)
        {
            await ScalarAsync(
                $"SELECT orleans_grain_state_write('svc', '{stateName}', 1, 2, 0, 0, 'key-of-{stateName}', NULL, '\\x2a'::bytea)");
        }

        // Only as far as the move: migration 0007 then gives the claims keys of their own.
        await Database.MigrateAsync(MoveVersion);

        foreach (var (stateName, grainType) in states)
        {
            var moved = await ScalarAsync(
                $"""
                SELECT count(*) FROM grain_state
                WHERE service_id = 'svc' AND grain_type = '{grainType}' AND grain_key = 'key-of-{stateName}'
                  AND state_name = '{stateName}' AND payload = '\x2a'::bytea AND version = 1
                """);
            Assert.True(moved is 1L, $"state '{stateName}' of grain type '{grainType}' was not moved");
        }
    }

    [Fact]
    public async Task AKeyTheAdoNetProviderStoredAsANumberIsMovedAsTheDivisionCodeItWas()
    {
        // The ADO.NET provider parses a key of hex digits only as a hexadecimal number.
        await ScalarAsync("SELECT orleans_grain_state_write('svc', 'village', 1, 2, 0, x'530124101001'::bigint, NULL, NULL, '\\x2a'::bytea)");

        await Database.MigrateAsync();

        Assert.Equal("530124101001", await ScalarAsync("SELECT grain_key FROM grain_state WHERE grain_type = 'village'"));
    }

    [Fact]
    public async Task RowsOfStatesThePlatformDoesNotKnowStayWhereTheyAre()
    {
        await ScalarAsync("SELECT orleans_grain_state_write('svc', 'someone-elses', 1, 2, 0, 0, 'k', NULL, '\\x2a'::bytea)");

        await Database.MigrateAsync();

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM orleans_grain_state WHERE grain_type = 'someone-elses'"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task ASiloOnTheAdoNetProviderRefusesToStartWhereTheBatchedOneKeepsTheState()
    {
        await Database.MigrateAsync();
        await ScalarAsync(
            $"INSERT INTO grain_state (grain_key, grain_type, state_name, service_id, payload, version) VALUES ('53', 'province', 'province', '{SiloIdentity.ServiceId}', '\\x2a', 1)");

        var start = () => PlatformCluster.StartAsync(Database.SiloConnectionString, storage: GrainStorageProvider.AdoNet);

        await Assert.ThrowsAnyAsync<Exception>(start);
    }

    [Fact]
    public async Task ASiloOnTheBatchedProviderRefusesToStartWhereTheAdoNetOneKeepsTheState()
    {
        await Database.MigrateAsync();
        await ScalarAsync(
            $"SELECT orleans_grain_state_write('{SiloIdentity.ServiceId}', 'province', 1, 2, 0, x'53'::bigint, NULL, NULL, '\\x2a'::bytea)");

        var start = () => PlatformCluster.StartAsync(Database.SiloConnectionString);

        await Assert.ThrowsAnyAsync<Exception>(start);
    }

    /// <summary>
    /// States first written after migration 0005 moved the ADO.NET rows: no database that ran on the
    /// ADO.NET storage before the move can hold them, so its mapping has no need of them.
    /// </summary>
    private static readonly string[] StatesIntroducedAfterTheMove = ["loanbook", "duepages", "practiceclock", "registrysweep", "countyfunds"];

    /// <summary>
    /// Each grain class's state name and its grain type by Orleans' naming convention (class name,
    /// lower case, without the "Grain" suffix): what the migration's mapping must hold. No grain
    /// class overrides its type, or the convention would not be the whole story.
    /// </summary>
    private static List<(string StateName, string GrainType)> PersistedStatesOfTheGrains()
    {
        var grainClasses = typeof(GrainStorage).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(Grain)))
            .ToList();
        Assert.DoesNotContain(grainClasses, type => type.GetCustomAttribute<GrainTypeAttribute>() is not null);
        var states = grainClasses
            .SelectMany(type => type.GetConstructors().SelectMany(constructor => constructor.GetParameters())
                .Select(parameter => parameter.GetCustomAttribute<PersistentStateAttribute>())
                .OfType<PersistentStateAttribute>()
                .Select(state => (state.StateName, type.Name.ToLowerInvariant()[..^"grain".Length])))
            .Where(state => !StatesIntroducedAfterTheMove.Contains(state.StateName))
            .ToList();
        Assert.NotEmpty(states);
        return states;
    }

    private static async Task RegisterVillageAsync(IGrainFactory grains)
    {
        foreach (var (code, name) in new[] { ("53", "云南省"), ("530124", "富民县"), ("530124101", "款庄镇"), ("530124101001", "款庄村") })
        {
            await grains.GetRegion(AdminCode.Parse(code)).CreateAsync(name, $"create-{code}");
        }
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
