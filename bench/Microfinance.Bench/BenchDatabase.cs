using Microfinance.Schema;
using Npgsql;

namespace Microfinance.Bench;

/// <summary>
/// A fresh database for one measurement, with the platform's schema, and the server-side counters
/// the report needs (grain-state writes, commits, WAL).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly bool _keep;

    private BenchDatabase(string adminConnectionString, string name, bool keep, string? siloSettings)
    {
        _adminConnectionString = adminConnectionString;
        _keep = keep;
        Name = name;
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;

        // What the silos use: the production connection string plus prepared statements for the
        // few hot queries (the storage write and read functions), as a tuned deployment would.
        var silo = new NpgsqlConnectionStringBuilder(OwnerConnectionString) { MaxAutoPrepare = 20 };
        if (siloSettings is not null)
        {
            silo.ConnectionString = $"{silo.ConnectionString};{siloSettings}";
        }

        SiloConnectionString = silo.ConnectionString;
    }

    public string Name { get; }

    /// <summary>Connection string of the database's owner (the admin role).</summary>
    public string OwnerConnectionString { get; }

    /// <summary>Connection string the silos get.</summary>
    public string SiloConnectionString { get; }

    /// <summary>Creates the database and applies the platform's migrations to it.</summary>
    public static async Task<BenchDatabase> CreateAsync(
        string adminConnectionString, bool keep, string? siloSettings, CancellationToken ct)
    {
        var name = $"mf_bench_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
        await using (var admin = await OpenAsync(adminConnectionString, ct))
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        var database = new BenchDatabase(adminConnectionString, name, keep, siloSettings);
        await new SchemaMigrator(database.OwnerConnectionString).MigrateAsync(null, ct);
        return database;
    }

    /// <summary>The server's version and durability settings, as <c>SHOW</c> reports them.</summary>
    public async Task<ServerSettings> ReadSettingsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(OwnerConnectionString, ct);
        return new ServerSettings(
            await ShowAsync(connection, "server_version", ct),
            await ShowAsync(connection, "fsync", ct),
            await ShowAsync(connection, "synchronous_commit", ct),
            await ShowAsync(connection, "wal_sync_method", ct),
            await ShowAsync(connection, "max_connections", ct));
    }

    /// <summary>
    /// Grain-state writes so far, by state name: either provider bumps a row's version on every
    /// write and inserts new rows at version 1, so the sum of versions over both providers' tables
    /// counts every write.
    /// </summary>
    public async Task<DatabaseCounters> ReadCountersAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(OwnerConnectionString, ct);
        var writes = new Dictionary<string, long>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT state_name, sum(version)::bigint
            FROM (SELECT grain_type AS state_name, version FROM orleans_grain_state
                  UNION ALL
                  SELECT state_name, version FROM grain_state) AS written
            GROUP BY state_name
            """,
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                writes[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        // Backends report their statistics when they go idle, at most once a second.
        await using var stats = new NpgsqlCommand(
            """
            SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                   (SELECT wal_records FROM pg_stat_wal),
                   (SELECT wal_bytes::bigint FROM pg_stat_wal),
                   (SELECT wal_sync FROM pg_stat_wal)
            """,
            connection);
        await using var statsReader = await stats.ExecuteReaderAsync(ct);
        await statsReader.ReadAsync(ct);
        return new DatabaseCounters(
            writes, statsReader.GetInt64(0), statsReader.GetInt64(1), statsReader.GetInt64(2), statsReader.GetInt64(3));
    }

    /// <summary>State size per grain type, from whichever provider's table holds the rows, largest first.</summary>
    public async Task<IReadOnlyList<PayloadSize>> ReadPayloadSizesAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(OwnerConnectionString, ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT state_name, count(*), coalesce(avg(octet_length(payload)), 0)::bigint,
                   coalesce(max(octet_length(payload)), 0), coalesce(avg(pg_column_size(payload)), 0)::bigint
            FROM (SELECT grain_type AS state_name, payload FROM orleans_grain_state
                  UNION ALL
                  SELECT state_name, payload FROM grain_state) AS stored
            GROUP BY state_name
            ORDER BY 3 DESC
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var sizes = new List<PayloadSize>();
        while (await reader.ReadAsync(ct))
        {
            sizes.Add(new PayloadSize(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4)));
        }

        return sizes;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_keep)
        {
            Console.WriteLine($"kept database {Name}");
            return;
        }

        await using var admin = await OpenAsync(_adminConnectionString, CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            var server = new NpgsqlConnectionStringBuilder(connectionString);
            throw new InvalidOperationException(
                $"PostgreSQL not reachable at {server.Host}:{server.Port} as '{server.Username}' ({exception.Message}): "
                + $"start it (bench/run-origination.sh does) or set {BenchOptions.AdminConnectionVariable}",
                exception);
        }
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
