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
    // applied; keys are unique within a batch (BatchQueue sees to it). Two silos only write the
    // same rows when a grain is briefly active on both: then their batches may deadlock,
    // PostgreSQL fails one of them, and its callers get the error.
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
            while (await reader.ReadAsync(ct))
            {
                long? version = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                outcomes[(int)reader.GetInt64(0) - 1] = new StateWriteOutcome(true, version, null);
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
