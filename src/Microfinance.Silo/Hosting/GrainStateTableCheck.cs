using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Microfinance.Silo.Hosting;

/// <summary>
/// Refuses to start a silo whose grain-state provider would not see the state the database holds:
/// each provider has its own table, and a silo reading the empty one would run as if the province
/// had no registry, no loans and no funds. Likewise an ADO.NET silo where that provider's table still
/// keys resident-id claims by the raw id: this release looks them up by a peppered hash, and would
/// let a head of one household head another.
/// </summary>
internal sealed class GrainStateTableCheck(string connectionString, GrainStorageProvider storage, IOptions<ClusterOptions> cluster)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(GrainStateTableCheck), ServiceLifecycleStage.RuntimeInitialize, CheckAsync);

    // The ADO.NET provider keeps a string key that parses as neither a number nor a GUID as '+' and
    // the key; a resident id is too long for a number and too short for a GUID.
    private const string RawResidentIdClaimsSql = """
        SELECT EXISTS (
            SELECT FROM orleans_grain_state
            WHERE service_id = @service AND grain_type = 'residentclaim' AND grain_key_ext ~ '^\+[0-9]{17}[0-9X]$')
        """;

    private async Task CheckAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await CheckOtherTableAsync(connection, ct);
        if (storage == GrainStorageProvider.AdoNet)
        {
            await CheckResidentIdClaimKeysAsync(connection, ct);
        }
    }

    private async Task CheckOtherTableAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var (otherTable, otherSetting) = storage == GrainStorageProvider.Batched
            ? ("orleans_grain_state", GrainStorageProvider.AdoNet)
            : ("grain_state", GrainStorageProvider.Batched);

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

    // Migration 0007 re-keys the claims in grain_state; the ADO.NET provider's rows carry hashes of
    // their keys that SQL cannot recompute, so they keep the raw id.
    private async Task CheckResidentIdClaimKeysAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var raw = new NpgsqlCommand(RawResidentIdClaimsSql, connection);
        raw.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        if ((bool)(await raw.ExecuteScalarAsync(ct))!)
        {
            throw new InvalidOperationException(
                $"Service '{cluster.Value.ServiceId}' keeps resident-id claims in orleans_grain_state under the raw resident id. "
                + "This release keys them by a peppered hash, which migrate cannot give that table's rows: keep this "
                + "database on the previous release.");
        }
    }
}
