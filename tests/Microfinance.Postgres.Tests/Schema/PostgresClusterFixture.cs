using Microfinance.Grains.Households;
using Microfinance.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Schema;

/// <summary>
/// Two silos and a client on Orleans' ADO.NET clustering, grain storage and reminders, over a freshly
/// migrated database, connecting as a role that only has the migrator's grants.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public const string ServiceId = "microfinance-tests";
    public const string StorageName = "microfinance";

    private const string Invariant = "Npgsql";
    private const string SiloConnectionStringKey = "MicrofinanceTests:SiloConnectionString";

    private TestCluster? _cluster;
    private MigratedDatabase? _database;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>Owner connection to the cluster's database, for looking at rows directly.</summary>
    public string AdminConnectionString => _database?.AdminConnectionString ?? throw new InvalidOperationException("No database yet.");

    /// <summary>The silos' own connection: the non-owner role with only the migrator's grants.</summary>
    public string SiloConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync("mf_contract");
        SiloConnectionString = new NpgsqlConnectionStringBuilder(_database.SiloConnectionString)
        {
            // A session time zone other than UTC would shift times if any parameter or column
            // lost its time zone on the way.
            Timezone = "Asia/Shanghai",
        }.ConnectionString;

        var builder = new TestClusterBuilder(2);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = $"mf-contract-{Guid.NewGuid():N}";
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[SiloConnectionStringKey] = SiloConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
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

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        // The silos host every grain class of the platform; both key resident-id claims alike.
        private static readonly IResidentIdKey ClaimKey = ResidentIdKey.CreateRandom();

        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[SiloConnectionStringKey];
            siloBuilder
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(StorageName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .UseAdoNetReminderService(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .Services.AddSingleton(ClaimKey)
                .AddLogging(ResidentIdLogScan.AddTo);
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
