using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Microfinance.Silo.Hosting;

/// <summary>
/// Refuses to start a silo whose grain-state provider would not see the state the database holds:
/// each provider has its own table, and a silo reading the empty one would run as if the province
/// had no registry, no loans and no funds.
/// </summary>
internal sealed class GrainStateTableCheck(string connectionString, GrainStorageProvider storage, IOptions<ClusterOptions> cluster)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(GrainStateTableCheck), ServiceLifecycleStage.RuntimeInitialize, CheckAsync);

    private async Task CheckAsync(CancellationToken ct)
    {
        var (otherTable, otherSetting) = storage == GrainStorageProvider.Batched
            ? ("orleans_grain_state", GrainStorageProvider.AdoNet)
            : ("grain_state", GrainStorageProvider.Batched);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        // A database migrated only as far as an older release has no grain_state table yet.
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", otherTable);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            return;
        }

        await using var holds = new NpgsqlCommand($"SELECT EXISTS (SELECT FROM {otherTable} WHERE service_id = @service)", connection);
        holds.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        if ((bool)(await holds.ExecuteScalarAsync(ct))!)
        {
            throw new InvalidOperationException(
                $"Microfinance:GrainStorage is {storage}, but this database keeps service '{cluster.Value.ServiceId}''s grain state "
                + $"in {otherTable}, the table of the {otherSetting} provider: a {storage} silo would not see it. "
                + $"Set Microfinance:GrainStorage to {otherSetting}.");
        }
    }
}
