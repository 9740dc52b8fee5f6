using Npgsql;

namespace Microfinance.Schema;

/// <summary>
/// Brings a PostgreSQL database to the schema that Orleans' ADO.NET clustering, grain storage and
/// reminders need: applies the embedded migrations the database does not have yet, in order, each in
/// its own transaction, and records them in <c>schema_migrations</c>.
/// </summary>
/// <remarks>
/// Connect as the schema owner. Silos do not need schema-owner rights to run: they connect as another
/// role, given only what <see cref="MigrateAsync"/> grants to <c>grantToRole</c>.
/// </remarks>
public sealed class SchemaMigrator
{
    // Any constant shared by every migrator will do; these are the ASCII bytes of "mfschema".
    private const long MigrationLockKey = 0x6D66_7363_6865_6D61;

    private const string CreateLedgerSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            version    integer     NOT NULL PRIMARY KEY,
            id         text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    // GRANT takes no bind parameters, so the server quotes the role name itself (format's %I).
    // Silos read OrleansQuery but never write it, have no business with the ledger, and may only
    // add to the audit trail: nothing a silo does can alter or remove a record of it. They read the
    // platform's secrets (the resident-id pepper) and cannot replace them.
    private const string SiloGrantsSql = """
        SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), @role)
        UNION ALL
        SELECT format('GRANT USAGE ON SCHEMA public TO %I', @role)
        UNION ALL
        SELECT format('GRANT SELECT ON TABLE public.orleansquery TO %I', @role)
        UNION ALL
        SELECT format('GRANT SELECT, INSERT ON TABLE public.%I TO %I', tablename, @role)
        FROM pg_tables
        WHERE schemaname = 'public' AND tablename = 'audit_record'
        UNION ALL
        SELECT format('GRANT SELECT ON TABLE public.%I TO %I', tablename, @role)
        FROM pg_tables
        WHERE schemaname = 'public' AND tablename = 'platform_secret'
        UNION ALL
        SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.%I TO %I', tablename, @role)
        FROM pg_tables
        WHERE schemaname = 'public' AND tablename NOT IN ('orleansquery', 'schema_migrations', 'audit_record', 'platform_secret')
        UNION ALL
        SELECT format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', @role)
        UNION ALL
        SELECT format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I', @role)
        """;

    private readonly string _connectionString;

    /// <param name="connectionString">Npgsql connection string of the schema owner (or an admin).</param>
    public SchemaMigrator(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // The providers' SQL names its tables unqualified; silos find them through the default
            // search path, whose first existing schema is public.
            SearchPath = "public",
            // Closing an unpooled connection ends the session, which releases the migration lock
            // even when the run failed half-way.
            Pooling = false,
            // Waiting for another migrator and building indexes take as long as they take; the
            // cancellation token is the limit.
            CommandTimeout = 0,
        }.ConnectionString;
    }

    /// <summary>
    /// Applies the migrations the database lacks and, if <paramref name="grantToRole"/> is given,
    /// grants that role what a silo needs. Safe to run again, and concurrently with other migrators:
    /// a run that finds everything applied changes nothing but the (idempotent) grants.
    /// </summary>
    /// <param name="grantToRole">Existing role the silos connect as, or null to grant nothing.</param>
    /// <param name="ct">Cancels the run; a migration that had not committed is rolled back.</param>
    /// <param name="throughVersion">
    /// Apply migrations up to this version only (an upgrade in steps, or a test that needs a database
    /// as an older release left it); null for all.
    /// </param>
    public async Task<MigrationReport> MigrateAsync(string? grantToRole, CancellationToken ct, int? throughVersion = null)
    {
        var migrations = Migration.LoadEmbedded()
            .Where(migration => throughVersion is null || migration.Version <= throughVersion)
            .ToList();

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);

        // Migrators queue here, so the second one reads the ledger only after the first committed.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", ct);
        await ExecuteAsync(connection, CreateLedgerSql, ct);
        var present = await ReadAppliedVersionsAsync(connection, ct);

        var applied = new List<string>();
        foreach (var migration in migrations.Where(migration => !present.Contains(migration.Version)))
        {
            await ApplyAsync(connection, migration, ct);
            applied.Add(migration.Id);
        }

        if (grantToRole is not null)
        {
            await GrantSiloPrivilegesAsync(connection, grantToRole, ct);
        }

        var alreadyPresent = migrations
            .Where(migration => present.Contains(migration.Version))
            .Select(migration => migration.Id)
            .ToList();
        return new MigrationReport(applied, alreadyPresent, grantToRole);
    }

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(ct))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using (var apply = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await apply.ExecuteNonQueryAsync(ct);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, id) VALUES (@version, @id)", connection, transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("id", migration.Id);
            await record.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task GrantSiloPrivilegesAsync(NpgsqlConnection connection, string role, CancellationToken ct)
    {
        var grants = new List<string>();
        await using (var build = new NpgsqlCommand(SiloGrantsSql, connection))
        {
            build.Parameters.AddWithValue("role", role);
            await using var reader = await build.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                grants.Add(reader.GetString(0));
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var grant in grants)
        {
            await using var command = new NpgsqlCommand(grant, connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
