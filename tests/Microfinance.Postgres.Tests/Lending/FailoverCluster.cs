using Microfinance.Postgres.Tests.Registry;
using Microfinance.Testing.Logging;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// Three silos configured as the PostgreSQL profile, over a database of their own, for a test that
/// kills one of them; the cluster and the database go at dispose. A test holds its own, so a killed
/// silo never outlives it.
/// </summary>
public sealed class FailoverCluster(string databasePrefix) : IAsyncLifetime
{
    private MigratedDatabase? _database;
    private TestCluster? _cluster;

    /// <summary>The cluster's client: its calls go through whichever gateways are alive.</summary>
    public IGrainFactory Grains => Cluster.GrainFactory;

    private TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(databasePrefix);
        _cluster = await PlatformCluster.StartAsync(_database.SiloConnectionString, silos: 3);
    }

    /// <summary>Kills a silo other than the first, without letting it hand anything over.</summary>
    public Task KillASiloAsync() => Cluster.KillSiloAsync(Cluster.SecondarySilos[0]);

    // Also runs after a failed InitializeAsync: undo only what was done.
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }
}
