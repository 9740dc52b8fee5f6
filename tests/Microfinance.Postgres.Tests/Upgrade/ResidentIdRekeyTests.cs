using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Households;
using Microfinance.Postgres.Tests.Registry;
using Microfinance.Silo.Hosting;
using Microfinance.Testing.Logging;
using Npgsql;

namespace Microfinance.Postgres.Tests.Upgrade;

/// <summary>
/// Migration 0007 keys the resident-id claims by a peppered hash, the same the silos compute, so a
/// head registered before it still cannot head a second household after it.
/// </summary>
public sealed class ResidentIdRekeyTests : IAsyncLifetime
{
    private const int LastRawKeyVersion = 6;
    private const string Household = "530124101001-0001";
    private static readonly AdminCode Village = AdminCode.Parse("530124101001");
    private static readonly ResidentId Head = ResidentId.Parse("530124197803150013");

    private static readonly HouseholdProfile Profile =
        new("张文华", Head, [], HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, StarRating: 4);

    private MigratedDatabase? _database;

    private MigratedDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync("mf_rekey", LastRawKeyVersion);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    [Fact]
    public async Task AHeadRegisteredBeforeTheMigrationCannotHeadASecondHouseholdAfterIt()
    {
        await RegisterAsRawKeyedReleaseAsync(GrainStorageProvider.Batched);

        await Database.MigrateAsync();

        await using var after = await PlatformCluster.StartAsync(Database.SiloConnectionString);
        var again = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => after.GrainFactory.GetGrain<IHouseholdGrain>("530124101001-0002").RegisterAsync(Village, Profile, "register-again"));
        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", again.Reason);
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM grain_state WHERE grain_key LIKE '%{Head.Value}%'"));
    }

    [Fact]
    public async Task TheMigrationKeysAClaimAsTheSilosDo()
    {
        await ScalarAsync(
            $"""
            INSERT INTO grain_state (grain_key, grain_type, state_name, service_id, payload, version)
            VALUES ('{Head.Value}', 'residentidclaim', 'residentclaim', 'svc', '\x2a', 1)
            """);

        await Database.MigrateAsync();

        var pepper = (byte[])(await ScalarAsync("SELECT value FROM platform_secret WHERE name = 'resident_id_pepper'"))!;
        Assert.Equal(
            new ResidentIdKey(pepper).Of(Head),
            await ScalarAsync("SELECT grain_key FROM grain_state WHERE grain_type = 'residentidclaim'"));
    }

    [Fact]
    public async Task EachDatabaseGetsAPepperOfThirtyTwoBytesOfItsOwn()
    {
        await Database.MigrateAsync();
        await using var other = await MigratedDatabase.CreateAsync("mf_rekey_other");

        var pepper = (byte[])(await ScalarAsync("SELECT value FROM platform_secret WHERE name = 'resident_id_pepper'"))!;

        Assert.Equal(ResidentIdKey.PepperLength, pepper.Length);
        Assert.NotEqual(pepper, await ScalarAsync("SELECT value FROM platform_secret", other.AdminConnectionString));
    }

    [Fact]
    public async Task ASiloOnTheAdoNetProviderRefusesToStartWhereItsTableKeysClaimsByTheRawId()
    {
        await RegisterAsRawKeyedReleaseAsync(GrainStorageProvider.AdoNet);
        await Database.MigrateAsync();

        var start = () => PlatformCluster.StartAsync(Database.SiloConnectionString, storage: GrainStorageProvider.AdoNet);

        var refused = await Assert.ThrowsAnyAsync<Exception>(start);
        Assert.Contains("under the raw resident id", refused.ToString());
    }

    [Fact]
    public async Task ASiloOnTheAdoNetProviderKeepsTheClaimsItKeyedByTheHash()
    {
        await Database.MigrateAsync();
        await using (var first = await PlatformCluster.StartAsync(Database.SiloConnectionString, storage: GrainStorageProvider.AdoNet))
        {
            await RegisterAsync(first.GrainFactory);
            await first.StopAllSilosAsync();
        }

        await using var restarted = await PlatformCluster.StartAsync(Database.SiloConnectionString, storage: GrainStorageProvider.AdoNet);

        var again = await Assert.ThrowsAsync<AlreadyExistsException>(
            () => restarted.GrainFactory.GetGrain<IHouseholdGrain>("530124101001-0002").RegisterAsync(Village, Profile, "register-again"));
        Assert.Equal("RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD", again.Reason);
    }

    [Fact]
    public async Task ASiloRefusesToStartOnADatabaseWithoutThePepper()
    {
        var start = () => PlatformCluster.StartAsync(Database.SiloConnectionString);

        var refused = await Assert.ThrowsAnyAsync<Exception>(start);
        Assert.Contains("0007_resident_id_pepper", refused.ToString());
    }

    /// <summary>Registers the household as a release before migration 0007 did: its head's claim under the raw id.</summary>
    private async Task RegisterAsRawKeyedReleaseAsync(GrainStorageProvider storage)
    {
        await using var before = await PlatformCluster.StartAsync(Database.SiloConnectionString, storage: storage, rawClaimKeys: true);
        await RegisterAsync(before.GrainFactory);
        await before.StopAllSilosAsync();
    }

    private static async Task RegisterAsync(IGrainFactory grains)
    {
        foreach (var (code, name) in new[] { ("53", "云南省"), ("530124", "富民县"), ("530124101", "款庄镇"), ("530124101001", "款庄村") })
        {
            await grains.GetRegion(AdminCode.Parse(code)).CreateAsync(name, $"create-{code}");
        }

        await grains.GetGrain<IHouseholdGrain>(Household).RegisterAsync(Village, Profile, "register");
    }

    private async Task<object?> ScalarAsync(string sql, string? connectionString = null)
    {
        await using var connection = new NpgsqlConnection(connectionString ?? Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
