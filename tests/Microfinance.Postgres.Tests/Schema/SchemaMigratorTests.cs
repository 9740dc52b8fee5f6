using Microfinance.Schema;
using Npgsql;

namespace Microfinance.Postgres.Tests.Schema;

public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private static readonly string[] AllMigrations =
    [
        "0001_orleans_query", "0002_clustering", "0003_grain_storage", "0004_reminders", "0005_batched_grain_state",
        "0006_audit_record", "0007_resident_id_pepper",
    ];

    private readonly List<string> _roles = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync("mf_migrator");

    public async Task DisposeAsync()
    {
        if (_database.Length == 0)
        {
            return;
        }

        // Roles can only go once the database holding their grants is gone.
        await PostgresServer.DropDatabaseAsync(_database);
        foreach (var role in _roles)
        {
            await PostgresServer.DropRoleAsync(role);
        }
    }

    [Fact]
    public async Task MigrateOnAnEmptyDatabaseAppliesEveryMigrationInOrder()
    {
        var migrator = new SchemaMigrator(_database);

        var report = await migrator.MigrateAsync(null, CancellationToken.None);

        Assert.Equal(AllMigrations, report.Applied);
        Assert.Empty(report.AlreadyPresent);
    }

    [Fact]
    public async Task MigrateTwiceAppliesNothingTheSecondTime()
    {
        var migrator = new SchemaMigrator(_database);
        var first = await migrator.MigrateAsync(null, CancellationToken.None);

        var second = await migrator.MigrateAsync(null, CancellationToken.None);

        Assert.Empty(second.Applied);
        Assert.Equal(first.Applied, second.AlreadyPresent);
    }

    [Fact]
    public async Task MigratingADatabaseThatHasRowsLeavesThemIntact()
    {
        var migrator = new SchemaMigrator(_database);
        await migrator.MigrateAsync(null, CancellationToken.None);
        await ExecuteAsync(
            """
            SELECT orleans_grain_state_write('svc', 'loan', 7, 42, 0, 1, NULL, NULL, '\x0102'::bytea);
            INSERT INTO orleans_membership_version (deployment_id) VALUES ('cluster');
            INSERT INTO orleans_reminder VALUES ('svc', 'loan/1', 'due', now(), 60000, 42, 0);
            """);
        var before = await SnapshotAsync();

        await migrator.MigrateAsync(null, CancellationToken.None);

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ConcurrentMigratorsAllSucceedAndApplyEachMigrationOnce()
    {
        var migrators = Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(_database)).ToList();

        var reports = await Task.WhenAll(migrators.Select(migrator => migrator.MigrateAsync(null, CancellationToken.None)));

        var applied = reports.SelectMany(report => report.Applied).ToList();
        Assert.Equal(AllMigrations, applied.Order());
    }

    [Fact]
    public async Task GrantedRoleCanWriteGrainState()
    {
        var role = await CreateSiloRoleAsync();
        await new SchemaMigrator(_database).MigrateAsync(role, CancellationToken.None);

        var version = await ScalarAsRoleAsync(
            role, "SELECT orleans_grain_state_write('svc', 'loan', 7, 42, 0, 1, NULL, NULL, '\\x01'::bytea)");

        Assert.Equal(1, version);
    }

    [Fact]
    public async Task GrantedRoleCannotRewriteTheStoredQueries()
    {
        var role = await CreateSiloRoleAsync();
        await new SchemaMigrator(_database).MigrateAsync(role, CancellationToken.None);

        var rewrite = () => ScalarAsRoleAsync(role, "UPDATE orleansquery SET querytext = 'SELECT 1' RETURNING 1");

        var denied = await Assert.ThrowsAsync<PostgresException>(rewrite);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task GrantedRoleCanAddToTheAuditTrailButNotAlterOrRemoveIt()
    {
        var role = await CreateSiloRoleAsync();
        await new SchemaMigrator(_database).MigrateAsync(role, CancellationToken.None);

        var sequence = await ScalarAsRoleAsync(role, """
            INSERT INTO audit_record (service_id, recorded_at, actor, role, method, request_id, entity_kind, entity_id, region, outcome)
            VALUES ('svc', now(), 'county-officer', 'county', '/microfinance.v1.FundService/RecordFundEntry', 'r1', 'fund', '450101-RCC', '450101', 'OK')
            RETURNING sequence
            """);
        var rewrite = () => ScalarAsRoleAsync(role, "UPDATE audit_record SET outcome = 'PERMISSION_DENIED' RETURNING 1");
        var erase = () => ScalarAsRoleAsync(role, "DELETE FROM audit_record RETURNING 1");

        Assert.Equal(1L, sequence);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(rewrite)).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(erase)).SqlState);
    }

    [Fact]
    public async Task GrantedRoleCanReadThePepperButNotReplaceIt()
    {
        var role = await CreateSiloRoleAsync();
        await new SchemaMigrator(_database).MigrateAsync(role, CancellationToken.None);

        var length = await ScalarAsRoleAsync(role, "SELECT length(value) FROM platform_secret WHERE name = 'resident_id_pepper'");
        var replace = () => ScalarAsRoleAsync(role, "UPDATE platform_secret SET value = '\\x00' RETURNING 1");
        var erase = () => ScalarAsRoleAsync(role, "DELETE FROM platform_secret RETURNING 1");

        Assert.Equal(32, length);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(replace)).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(erase)).SqlState);
    }

    [Fact]
    public async Task GrantedRoleCannotChangeTheSchema()
    {
        var role = await CreateSiloRoleAsync();
        await new SchemaMigrator(_database).MigrateAsync(role, CancellationToken.None);

        var alter = () => ScalarAsRoleAsync(role, "ALTER TABLE orleans_grain_state ADD COLUMN note text");

        var denied = await Assert.ThrowsAsync<PostgresException>(alter);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT concat_ws(' | ',
                (SELECT string_agg(concat_ws(',', service_id, grain_type, encode(payload, 'hex'), version), ';') FROM orleans_grain_state),
                (SELECT string_agg(concat_ws(',', deployment_id, version), ';') FROM orleans_membership_version),
                (SELECT string_agg(concat_ws(',', grain_id, reminder_name, period_ms, version), ';') FROM orleans_reminder),
                (SELECT count(*) FROM orleansquery))
            """,
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> CreateSiloRoleAsync()
    {
        var role = await PostgresServer.CreateLoginRoleAsync("mf_migrator_silo");
        _roles.Add(role);
        return role;
    }

    private async Task<object?> ScalarAsRoleAsync(string role, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectAs(_database, role));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
