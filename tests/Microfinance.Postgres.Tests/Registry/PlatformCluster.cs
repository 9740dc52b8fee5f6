using Microfinance.Abstractions.Serialization;
using Microfinance.Grains.Events;
using Microfinance.Grains.Households;
using Microfinance.Postgres.Tests.Upgrade;
using Microfinance.Silo.Hosting;
using Microfinance.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Registry;

/// <summary>
/// Test clusters whose silos are configured exactly as the host's PostgreSQL profile configures
/// them (<see cref="SiloBuilderExtensions.UseMicrofinancePostgres"/>), with the platform's fixed ServiceId;
/// the client can subscribe to county events.
/// </summary>
public static class PlatformCluster
{
    private const string ConnectionStringKey = "MicrofinanceTests:Postgres";
    private const string StorageKey = "MicrofinanceTests:GrainStorage";
    private const string RawClaimKeysKey = "MicrofinanceTests:RawClaimKeys";

    /// <param name="rawClaimKeys">
    /// Key resident-id claims by the raw id, as releases before migration 0007 did, to leave a
    /// database as such a release left it.
    /// </param>
    /// <param name="sockets">
    /// Whether the silos listen on real sockets, so that a client outside the test cluster (the
    /// operators' console) can connect to their gateways; the test cluster's own transport otherwise.
    /// </param>
    public static async Task<TestCluster> StartAsync(
        string connectionString, short silos = 1, GrainStorageProvider storage = GrainStorageProvider.Batched, bool rawClaimKeys = false, bool sockets = false)
    {
        var builder = new TestClusterBuilder(silos);
        if (sockets)
        {
            builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        }

        builder.Options.ServiceId = SiloIdentity.ServiceId;
        builder.Options.ClusterId = $"mf-tests-{Guid.NewGuid():N}";
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.Properties[StorageKey] = storage.ToString();
        builder.Properties[RawClaimKeysKey] = rawClaimKeys.ToString();
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        // A silo killed by a test is declared dead in seconds rather than the production half-minute.
        public void Configure(ISiloBuilder silo)
        {
            silo
                .Configure<ClusterMembershipOptions>(options =>
                {
                    options.ProbeTimeout = TimeSpan.FromSeconds(2);
                    options.NumMissedProbesLimit = 2;
                })
                .UseMicrofinanceGrains()
                .UseMicrofinancePostgres(
                    silo.Configuration[ConnectionStringKey]!, Enum.Parse<GrainStorageProvider>(silo.Configuration[StorageKey]!))
                .Services.AddLogging(ResidentIdLogScan.AddTo);
            if (bool.Parse(silo.Configuration[RawClaimKeysKey]!))
            {
                silo.Services.AddSingleton<IResidentIdKey, RawResidentIdKey>();
            }
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = SiloIdentity.PostgresInvariant;
                options.ConnectionString = configuration[ConnectionStringKey];
            });
            // A call in flight to a killed gateway gets no answer; the caller retries after this.
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
            client.AddCountyEventStreams();
            client.Services.AddMicrofinanceSerialization();
            client.Services.AddLogging(ResidentIdLogScan.AddTo);
        }
    }
}
