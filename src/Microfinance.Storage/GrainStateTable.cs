using Npgsql;
using NpgsqlTypes;

namespace Microfinance.Storage;

/// <summary>
/// The <c>grain_state</c> table (migration 0005): a batch of writes or of reads is one statement
/// over arrays, so one round trip and, for writes, one transaction whatever the batch's size.
/// </summary>
internal sealed class GrainStateTable(NpgsqlDataSource dataSource, string serviceId)
{
    // Each row is checked on its own: an update only where the version is the one the writer saw,
    // an insert only where no row exists (ON CONFLICT DO NOTHING), a delete only at the expected
    // version. A row that fails its check changes nothing and the others still commit. Only the
    // rows that were changed come back: the updates and deletes by position in the batch, the
    // inserts by key (keys are unique within a batch: BatchQueue sees to it). The result is a
    // plain UNION ALL because joining the data-modifying CTEs back to the batch makes the planner,
    // which cannot estimate their sizes, loop over them once per row.
    // Two silos only write the same rows when a grain is briefly active on both: then their
    // batches may deadlock, PostgreSQL fails one of them, and its callers get the error.
    private const string WriteSql = """
        WITH batch AS (
            SELECT *
            FROM unnest(@grain_types, @grain_keys, @state_names, @expected_versions, @payloads, @deletes)
                WITH ORDINALITY AS b(grain_type, grain_key, state_name, expected_version, payload, remove, ord)
        ),
        updated AS (
            UPDATE grain_state AS s
            SET payload = b.payload, version = s.version + 1, modified_at = now()
            FROM batch AS b
            WHERE NOT b.remove AND b.expected_version IS NOT NULL
              AND s.grain_key = b.grain_key AND s.grain_type = b.grain_type
              AND s.state_name = b.state_name AND s.service_id = @service_id
              AND s.version = b.expected_version
            RETURNING b.ord, s.version
        ),
        inserted AS (
            INSERT INTO grain_state AS s (grain_key, grain_type, state_name, service_id, payload, version)
            SELECT b.grain_key, b.grain_type, b.state_name, @service_id, b.payload, 1
            FROM batch AS b
            WHERE NOT b.remove AND b.expected_version IS NULL
            ON CONFLICT DO NOTHING
            RETURNING s.grain_type, s.grain_key, s.state_name, s.version
        ),
        deleted AS (
            DELETE FROM grain_state AS s
            USING batch AS b
            WHERE b.remove
              AND s.grain_key = b.grain_key AND s.grain_type = b.grain_type
              AND s.state_name = b.state_name AND s.service_id = @service_id
              AND s.version = b.expected_version
            RETURNING b.ord
        )
        SELECT ord, version, NULL, NULL, NULL FROM updated
        UNION ALL
        SELECT ord, NULL, NULL, NULL, NULL FROM deleted
        UNION ALL
        SELECT NULL, version, grain_type, grain_key, state_name FROM inserted
        """;

    private const string ReadSql = """
        SELECT b.ord, s.payload, s.version
        FROM unnest(@grain_types, @grain_keys, @state_names) WITH ORDINALITY AS b(grain_type, grain_key, state_name, ord)
        JOIN grain_state AS s
            ON s.grain_key = b.grain_key AND s.grain_type = b.grain_type
           AND s.state_name = b.state_name AND s.service_id = @service_id
        """;

    /// <summary>Applies a batch of writes in one transaction; one outcome per write, in order.</summary>
    public async Task<IReadOnlyList<StateWriteOutcome>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(WriteSql);
        AddKeys(command, writes.Select(write => write.Key).ToList());
        command.Parameters.Add(new NpgsqlParameter<long?[]>("expected_versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = writes.Select(write => write.ExpectedVersion).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            TypedValue = writes.Select(write => write.Payload).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("deletes", NpgsqlDbType.Array | NpgsqlDbType.Boolean)
        {
            TypedValue = writes.Select(write => write.Delete).ToArray(),
        });

        var outcomes = new StateWriteOutcome?[writes.Count];

        // The statement commits when its results have been read to the end: the reader is disposed
        // (and the server has confirmed the commit) before any outcome is handed out.
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            Dictionary<RowKey, int>? positions = null;
            while (await reader.ReadAsync(ct))
            {
                long? version = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                if (!reader.IsDBNull(0))
                {
                    outcomes[(int)reader.GetInt64(0) - 1] = new StateWriteOutcome(true, version, null);
                    continue;
                }

                positions ??= writes.Select((write, index) => (write.Key, index)).ToDictionary();
                var inserted = new RowKey(reader.GetString(2), reader.GetString(3), reader.GetString(4));
                outcomes[positions[inserted]] = new StateWriteOutcome(true, version, null);
            }
        }

        return await SettleUnappliedAsync(writes, outcomes, ct);
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

    // A write that was not applied met another version than it expected. Which one it met is
    // read afterwards, for the writer's error: conflicts are rare, so the common batch pays nothing
    // for them. A delete of a row that never existed has nothing to do and succeeds.
    private async Task<IReadOnlyList<StateWriteOutcome>> SettleUnappliedAsync(
        IReadOnlyList<StateWrite> writes, StateWriteOutcome?[] outcomes, CancellationToken ct)
    {
        var unapplied = Enumerable.Range(0, writes.Count).Where(index => outcomes[index] is null).ToList();
        if (unapplied.Count > 0)
        {
            var stored = await ReadAsync([.. unapplied.Select(index => new StateRead(writes[index].Key))], ct);
            for (var i = 0; i < unapplied.Count; i++)
            {
                var write = writes[unapplied[i]];
                var version = stored[i]?.Version;
                outcomes[unapplied[i]] = new StateWriteOutcome(
                    write.Delete && write.ExpectedVersion is null && version is null, null, version);
            }
        }

        return outcomes!;
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
