using Microfinance.Abstractions.Serialization;
using Microfinance.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>
/// One silo and a client over a freshly migrated database, connecting as a role that only has the
/// migrator's grants, with the grain storage under test registered twice: as
/// <see cref="StorageName"/> and, deleting rows on clear, as <see cref="DeletingStorageName"/>.
/// Subclasses register the provider and say where its rows are.
/// </summary>
public abstract class GrainStorageContractFixture : IAsyncLifetime
{
    public const string ServiceId = "microfinance-storage-contract";
    public const string StorageName = "storage-contract";
    public const string DeletingStorageName = "storage-contract-delete-on-clear";

    protected const string Invariant = "Npgsql";
    protected const string SiloConnectionStringKey = "MicrofinanceTests:StorageContractConnectionString";

    private TestCluster? _cluster;
    private MigratedDatabase? _database;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>Superuser connection to the cluster's database, for looking at and locking rows.</summary>
    public string AdminConnectionString => _database?.AdminConnectionString ?? throw new InvalidOperationException("No database yet.");

    /// <summary>Prefix of the database's and the role's names.</summary>
    protected abstract string NamePrefix { get; }

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(NamePrefix);

        // The settings the host's PostgreSQL profile gives its silos; the pool also keeps two
        // fixtures running side by side below the server's 100 connections.
        var siloConnectionString = new NpgsqlConnectionStringBuilder(_database.SiloConnectionString)
        {
            MaxAutoPrepare = 20,
            NoResetOnClose = true,
            MaxPoolSize = 24,
        }.ConnectionString;

        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = $"mf-storage-contract-{Guid.NewGuid():N}";
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[SiloConnectionStringKey] = siloConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        AddStorageConfigurator(builder);
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    // Also runs after a failed InitializeAsync: undo only what was done.
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    /// <summary>The storage registered as <paramref name="name"/> on the cluster's silo.</summary>
    public IGrainStorage GrainStorage(string name = StorageName) =>
        Cluster.GetSiloServiceProvider(Cluster.GetActiveSilos().First().SiloAddress).GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>The row of <paramref name="grainId"/>'s state <paramref name="stateName"/>; null if there is none.</summary>
    public async Task<StoredRow?> ReadRowAsync(GrainId grainId, string stateName)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT payload, version::bigint, modified_at FROM {TableName} WHERE {RowCondition(command, grainId, stateName)}";
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var row = new StoredRow(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0),
            reader.GetInt64(1),
            reader.GetDateTime(2));
        return await reader.ReadAsync()
            ? throw new InvalidOperationException($"More than one row for {grainId} ({stateName}).")
            : row;
    }

    /// <summary>Locks the rows of the given grains' state in a transaction of its own, until it is released.</summary>
    public async Task<RowLock> LockRowsAsync(string stateName, params GrainId[] grainIds)
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var rowLock = new RowLock(connection, transaction);
        foreach (var grainId in grainIds)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT 1 FROM {TableName} WHERE {RowCondition(command, grainId, stateName)} FOR UPDATE";
            if (await command.ExecuteScalarAsync() is null)
            {
                await rowLock.DisposeAsync();
                throw new InvalidOperationException($"No row to lock for {grainId} ({stateName}).");
            }
        }

        return rowLock;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> backends of the database wait for a lock that the
    /// backend <paramref name="blockerPid"/> holds; fails after <paramref name="timeout"/>.
    /// </summary>
    /// <returns>The waiting backends.</returns>
    public async Task<IReadOnlyList<int>> WaitForBackendsBlockedByAsync(int blockerPid, int count, TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT pid
            FROM pg_stat_activity
            WHERE datname = current_database()
              AND cardinality(pg_blocking_pids(pid)) > 0
              AND pg_blocking_pids(pid) @> ARRAY[@blocker]
            """,
            connection);
        command.Parameters.AddWithValue("blocker", blockerPid);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var blocked = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    blocked.Add(reader.GetInt32(0));
                }
            }

            if (blocked.Count >= count)
            {
                return blocked;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{blocked.Count} of {count} expected backends were blocked by backend {blockerPid} after {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Ends backend <paramref name="pid"/>'s session, failing its transaction.</summary>
    public async Task TerminateBackendAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
        command.Parameters.AddWithValue("pid", pid);
        if (await command.ExecuteScalarAsync() is not true)
        {
            throw new InvalidOperationException($"Backend {pid} could not be terminated.");
        }
    }

    /// <summary>Registers the provider under test as <see cref="StorageName"/> and <see cref="DeletingStorageName"/>.</summary>
    /// <remarks>The silo's connection string is in its configuration under <see cref="SiloConnectionStringKey"/>.</remarks>
    protected abstract void AddStorageConfigurator(TestClusterBuilder builder);

    /// <summary>The provider's table.</summary>
    protected abstract string TableName { get; }

    /// <summary>
    /// The condition selecting the row of <paramref name="grainId"/>'s state <paramref name="stateName"/>
    /// in <see cref="TableName"/>; adds the parameters it uses to <paramref name="command"/>.
    /// </summary>
    protected abstract string RowCondition(NpgsqlCommand command, GrainId grainId, string stateName);

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = siloBuilder.Configuration[SiloConnectionStringKey];
            });

            // The platform's serializer for grain state (Orleans' binary format), as in production.
            siloBuilder.Services.AddMicrofinanceSerialization();
            siloBuilder.Services.AddLogging(ResidentIdLogScan.AddTo);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            clientBuilder.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = configuration[SiloConnectionStringKey];
            });
            clientBuilder.Services.AddLogging(ResidentIdLogScan.AddTo);
        }
    }
}
