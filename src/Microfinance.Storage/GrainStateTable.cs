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
    // version. A row that fails its check changes nothing and the others still commit; the last
    // join reports the version stored before the statement, for the writer's conflict error.
    // Keys are unique within a batch (BatchQueue sees to it), so a key identifies its request.
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
            RETURNING s.grain_key, s.grain_type, s.state_name, s.version
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
        SELECT b.ord, coalesce(u.version, i.version), d.ord IS NOT NULL, stored.version
        FROM batch AS b
        LEFT JOIN updated AS u ON u.ord = b.ord
        LEFT JOIN inserted AS i
            ON i.grain_key = b.grain_key AND i.grain_type = b.grain_type AND i.state_name = b.state_name
        LEFT JOIN deleted AS d ON d.ord = b.ord
        LEFT JOIN grain_state AS stored
            ON stored.grain_key = b.grain_key AND stored.grain_type = b.grain_type
           AND stored.state_name = b.state_name AND stored.service_id = @service_id
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

        var outcomes = new StateWriteOutcome[writes.Count];

        // The statement commits when its results have been read to the end: the reader is disposed
        // (and the server has confirmed the commit) before any outcome is handed out.
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var index = (int)reader.GetInt64(0) - 1;
                var write = writes[index];
                long? newVersion = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                var deleted = reader.GetBoolean(2);
                long? stored = reader.IsDBNull(3) ? null : reader.GetInt64(3);
                outcomes[index] = write.Delete
                    ? new StateWriteOutcome(deleted || (stored is null && write.ExpectedVersion is null), null, stored)
                    : new StateWriteOutcome(newVersion is not null, newVersion, stored);
            }
        }

        return outcomes;
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
