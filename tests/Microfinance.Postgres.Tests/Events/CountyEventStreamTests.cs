using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Events;
using Microfinance.Postgres.Tests.Registry;
using Microfinance.Testing.Logging;
using Npgsql;
using Orleans.Streams;

namespace Microfinance.Postgres.Tests.Events;

/// <summary>County event streams on the PostgreSQL profile: subscriptions live in the migrated schema's grain-state table.</summary>
public sealed class CountyEventStreamTests : IAsyncLifetime
{
    private static readonly AdminCode County = AdminCode.Parse("530124");

    /// <summary>Far longer than delivery takes; only an event that never comes reaches it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private MigratedDatabase? _database;

    private MigratedDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.CreateAsync("mf_events");

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    [Fact]
    public async Task ASubscriberIsStoredInTheGrainStateTableAndReceivesTheCountysEvents()
    {
        await using var cluster = await PlatformCluster.StartAsync(Database.SiloConnectionString);
        var registered = new TaskCompletionSource<RegionRegistered>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await cluster.Client.GetStreamProvider(CountyEvents.ProviderName)
            .GetStream<CountyEvent>(CountyEvents.StreamOf(County))
            .SubscribeAsync((countyEvent, _) =>
            {
                if (countyEvent is RegionRegistered region)
                {
                    registered.TrySetResult(region);
                }

                return Task.CompletedTask;
            });

        await cluster.GrainFactory.GetRegion(AdminCode.Parse("53")).CreateAsync("云南省", "create-53");
        await cluster.GrainFactory.GetRegion(County).CreateAsync("富民县", "create-530124");

        var received = await registered.Task.WaitAsync(HangGuard);
        var subscribers = await SubscriberRowAsync();

        Assert.Equal((County, "富民县"), (received.Region, received.Name));

        // Stored in Orleans' binary format, as grain state is, not as JSON.
        Assert.NotEmpty(subscribers);
        Assert.NotEqual((byte)'{', subscribers[0]);
        await subscription.UnsubscribeAsync();
    }

    /// <summary>The payload of the county stream's row in the stream subscription registry (the PubSubStore).</summary>
    private async Task<byte[]> SubscriberRowAsync()
    {
        await using var connection = new NpgsqlConnection(Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT payload FROM grain_state
            WHERE state_name = 'PubSubRendezvousGrain' AND grain_key LIKE '%/county/' || @county
            """,
            connection);
        command.Parameters.AddWithValue("county", County.Value);
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}
