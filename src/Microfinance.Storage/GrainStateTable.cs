using Npgsql;
using NpgsqlTypes;

namespace Microfinance.Storage;

/// <summary>
/// The <c>grain_state</c> table (migration 0005): a batch of writes or of reads is one statement
/// over arrays, so one round trip and, for writes, one transaction whatever the batch's size.
/// </summary>
internal sealed class GrainStateTable(NpgsqlDataSource dataSource, string serviceId)
{
    // grain_state_write (migration 0005) checks each row on its own and returns the writes it
    // applied; keys are unique within a batch (BatchQueue sees to it). Batches go in key order:
    // two silos only write the same rows when a grain is briefly active on both, and then their
    // batches wait for each other instead of deadlocking.
    private const string WriteSql = """
        SELECT batch_position, new_version
        FROM grain_state_write(@service_id, @grain_types, @grain_keys, @state_names, @expected_versions, @payloads, @deletes)
        """;

    // LATERAL with LIMIT keeps each lookup a probe of the primary key for one row of the batch,
    // whatever the statistics say (a plain join would leave the plan to them).
    private const string ReadSql = """
        SELECT b.ord, s.payload, s.version
        FROM unnest(@grain_types, @grain_keys, @state_names) WITH ORDINALITY AS b(grain_type, grain_key, state_name, ord)
        CROSS JOIN LATERAL (
            SELECT payload, version
            FROM grain_state AS g
            WHERE g.grain_key = b.grain_key AND g.grain_type = b.grain_type
              AND g.state_name = b.state_name AND g.service_id = @service_id
            LIMIT 1
        ) AS s
        """;

    /// <summary>Applies a batch of writes in one transaction; one outcome per write, in order.</summary>
    public async Task<IReadOnlyList<StateWriteOutcome>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken ct)
    {
        // Sent in key order, whatever the order of arrival (see grain_state_write).
        var sent = writes.OrderBy(write => write.Key).ToList();
        await using var command = dataSource.CreateCommand(WriteSql);
        AddKeys(command, sent.ConvertAll(write => write.Key));
        command.Parameters.Add(new NpgsqlParameter<long?[]>("expected_versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. sent.Select(write => write.ExpectedVersion)],
        });
        command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            TypedValue = [.. sent.Select(write => write.Payload)],
        });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("deletes", NpgsqlDbType.Array | NpgsqlDbType.Boolean)
        {
            TypedValue = [.. sent.Select(write => write.Delete)],
        });

        var applied = new Dictionary<StateWrite, long?>(ReferenceEqualityComparer.Instance);

        // The statement commits when its results have been read to the end: the reader is disposed
        // (and the server has confirmed the commit) before any outcome is handed out.
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied[sent[(int)reader.GetInt64(0) - 1]] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            }
        }

        var conflicts = writes.Where(write => !applied.ContainsKey(write)).ToList();
        var stored = conflicts.Count == 0 ? [] : await ReadStoredVersionsAsync(conflicts, ct);
        return [.. writes.Select(write => applied.TryGetValue(write, out var version)
            ? new StateWriteOutcome(true, version, null)
            : new StateWriteOutcome(false, null, stored[write.Key]))];
    }

    /// <summary>Reads a batch of rows in one round trip; null for a row that does not exist.</summary>
    public async Task<IReadOnlyList<StoredState?>> ReadAsync(IReadOnlyList<StateRead> reads, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        AddKeys(command, reads.Select(read => read.Key).ToList());

        var rows = new StoredState?[reads.Count];
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var index = (int)reader.GetInt64(0) - 1;
                var payload = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
                rows[index] = new StoredState(payload, reader.GetInt64(2));
            }
        }

        return rows;
    }

    // A write that was not applied met another version than it expected. Which one it met is read
    // afterwards, for the writer's error (so it may be newer still): conflicts are rare, and the
    // common batch pays nothing for them.
    private async Task<Dictionary<RowKey, long?>> ReadStoredVersionsAsync(List<StateWrite> conflicts, CancellationToken ct)
    {
        var rows = await ReadAsync([.. conflicts.Select(write => new StateRead(write.Key))], ct);
        return conflicts.Select((write, index) => (write.Key, rows[index]?.Version)).ToDictionary();
    }

    private void AddKeys(NpgsqlCommand command, List<RowKey> keys)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = serviceId });
        command.Parameters.Add(TextArray("grain_types", keys.ConvertAll(key => key.GrainType)));
        command.Parameters.Add(TextArray("grain_keys", keys.ConvertAll(key => key.GrainKey)));
        command.Parameters.Add(TextArray("state_names", keys.ConvertAll(key => key.StateName)));
    }

    private static NpgsqlParameter<string[]> TextArray(string name, List<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };
}
