using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microfinance.Postgres.Tests.Schema;

/// <summary>
/// Orleans' ADO.NET clustering and reminders on our schema, and the ADO.NET grain storage across a
/// silo restart; the grain storage contract itself is <c>Storage/GrainStorageContractTests</c>.
/// </summary>
public sealed class AdoNetProviderContractTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public async Task StateIsReadBackAfterTheGrainsSiloRestarts()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IContractProbeGrain>(Guid.NewGuid());
        await grain.SetValueAsync("approved");
        var silo = fixture.Cluster.GetSiloForAddress(await grain.GetSiloAddressAsync())
            ?? throw new InvalidOperationException("The grain's silo is not part of the test cluster.");
        await fixture.Cluster.RestartSiloAsync(silo);

        var value = await grain.GetValueAsync();

        Assert.Equal("approved", value);
    }

    [Fact]
    public async Task RegisteredReminderIsListed()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IContractProbeGrain>(Guid.NewGuid());

        await grain.RegisterReminderAsync("repayment-due");

        Assert.Equal(["repayment-due"], await grain.ListRemindersAsync());
    }

    [Fact]
    public async Task UnregisteredReminderIsNoLongerListed()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IContractProbeGrain>(Guid.NewGuid());
        await grain.RegisterReminderAsync("repayment-due");

        await grain.UnregisterReminderAsync("repayment-due");

        Assert.Empty(await grain.ListRemindersAsync());
    }

    [Fact]
    public async Task ReminderRangeReadsSplitTheHashRingBetweenThemWhetherOrNotTheRangeWraps()
    {
        var table = SiloService<IReminderTable>();
        var grains = Enumerable.Range(0, 16)
            .Select(_ => fixture.Cluster.GrainFactory.GetGrain<IContractProbeGrain>(Guid.NewGuid()).GetGrainId())
            .ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(new ReminderEntry
            {
                GrainId = grain,
                ReminderName = "ring",
                StartAt = DateTime.UtcNow.AddHours(1),
                Period = TimeSpan.FromHours(1),
            });
        }

        // (0x40000000, 0xC0000000] wraps in signed order; (0xC0000000, 0x40000000] wraps in unsigned order.
        var middle = await table.ReadRows(0x4000_0000u, 0xC000_0000u);
        var ends = await table.ReadRows(0xC000_0000u, 0x4000_0000u);

        bool InMiddle(GrainId grain) => grain.GetUniformHashCode() is > 0x4000_0000u and <= 0xC000_0000u;
        Assert.Equal(grains.Where(InMiddle).Order(), middle.Reminders.Select(r => r.GrainId).Where(grains.Contains).Order());
        Assert.Equal(grains.Where(g => !InMiddle(g)).Order(), ends.Reminders.Select(r => r.GrainId).Where(grains.Contains).Order());
    }

    [Fact]
    public async Task MembershipInsertWithAStaleTableVersionIsRejected()
    {
        var table = SiloService<IMembershipTable>();
        var snapshot = await table.ReadAllAsync();
        await table.InsertRowAsync(DeadSilo(DateTime.UtcNow), snapshot.Version.Next());

        var inserted = await table.InsertRowAsync(DeadSilo(DateTime.UtcNow), snapshot.Version.Next());

        Assert.False(inserted);
    }

    [Fact]
    public async Task DefunctSiloCleanupRemovesSilosDeadForLongerThanTheCutoff()
    {
        var table = SiloService<IMembershipTable>();
        var longAgo = DateTime.UtcNow.AddDays(-30);
        var defunct = DeadSilo(longAgo);
        await table.InsertRowAsync(defunct, (await table.ReadAllAsync()).Version.Next());
        // Real dead silos carry the votes that killed them; the cleanup must match them too.
        defunct.AddOrUpdateSuspector(SiloAddress.New(IPAddress.Loopback, 2, 2), longAgo, 3);
        var snapshot = await table.ReadAllAsync();
        await table.UpdateRowAsync(defunct, snapshot.Version.VersionEtag, snapshot.Version.Next());

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Empty((await table.ReadRowAsync(defunct.SiloAddress)).Members);
    }

    [Fact]
    public async Task MembershipTableShowsEveryRunningSiloActive()
    {
        var running = fixture.Cluster.GetActiveSilos()
            .Select(silo => silo.SiloAddress.ToString())
            .Order()
            .ToList();

        var active = await ActiveMembershipRowsAsync();

        Assert.Equal(2, running.Count);
        Assert.Equal(running, active);
    }

    // Not Active: a fake active silo would be probed and voted dead by the real ones.
    private static MembershipEntry DeadSilo(DateTime time) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, 1, Random.Shared.Next(1, int.MaxValue)),
        SiloName = "defunct",
        HostName = "nowhere",
        Status = SiloStatus.Dead,
        StartTime = time,
        IAmAliveTime = time,
    };

    private T SiloService<T>()
        where T : notnull => SiloServices().GetRequiredService<T>();

    private IServiceProvider SiloServices() =>
        fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.GetActiveSilos().First().SiloAddress);

    private async Task<List<string>> ActiveMembershipRowsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT address, port, generation
            FROM orleans_membership
            WHERE deployment_id = @cluster AND status = @active
            """,
            connection);
        command.Parameters.AddWithValue("cluster", fixture.Cluster.Options.ClusterId);
        command.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var address = SiloAddress.New(IPAddress.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2));
            rows.Add(address.ToString());
        }

        return rows.Order().ToList();
    }
}
