using Npgsql;
using NpgsqlTypes;

namespace Microfinance.Storage.Audit;

/// <summary>
/// The audit trail in PostgreSQL's <c>audit_record</c> table, to which silos may only add rows
/// (the migrator grants them INSERT and SELECT alone). Records from all callers go in batches, one
/// statement each, so keeping the trail costs a shared commit rather than one per change.
/// </summary>
public sealed class PostgresAuditTrail : IAuditTrail, IAsyncDisposable
{
    private const string InsertSql = """
        INSERT INTO audit_record
            (service_id, recorded_at, actor, role, method, request_id, entity_kind, entity_id, region, outcome, reason)
        SELECT @service, batch.*
        FROM unnest(@times, @actors, @roles, @methods, @request_ids, @kinds, @ids, @regions, @outcomes, @reasons) AS batch
        """;

    private const string SelectSql = """
        SELECT sequence, recorded_at, actor, role, method, request_id, entity_kind, entity_id, region, outcome, reason
        FROM audit_record
        WHERE service_id = @service
          AND region LIKE @region_prefix
          AND (@kind::text IS NULL OR entity_kind = @kind)
          AND (@id::text IS NULL OR entity_id = @id)
          AND (@from::timestamptz IS NULL OR recorded_at >= @from)
          AND (@until::timestamptz IS NULL OR recorded_at < @until)
          AND (@before::bigint IS NULL OR sequence < @before)
        ORDER BY sequence DESC
        LIMIT @limit
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly BatchQueue<AuditAppend, bool> _appends;

    /// <param name="connectionString">The silo's connection string.</param>
    /// <param name="serviceId">The cluster's ServiceId: services sharing a database keep their own trails.</param>
    public PostgresAuditTrail(string connectionString, string serviceId)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serviceId = serviceId;
        _appends = new BatchQueue<AuditAppend, bool>(InsertAsync, new BatchLimits(500, 1 << 20, MaxInFlight: 2), "audit");
    }

    public Task AppendAsync(AuditRecord record) => _appends.EnqueueAsync(new AuditAppend(record));

    public async Task<AuditPage> ListAsync(AuditQuery query)
    {
        await using var command = _dataSource.CreateCommand(SelectSql);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("region_prefix", query.Region + "%");
        command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = (object?)query.EntityKind ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = (object?)query.EntityId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)query.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = (object?)query.Until?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Bigint) { Value = (object?)query.Before ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", query.PageSize + 1);

        var records = new List<StoredAuditRecord>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            records.Add(new StoredAuditRecord(
                reader.GetInt64(0),
                new AuditRecord(
                    new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.GetString(8),
                    reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10))));
        }

        return AuditPages.Of(records, query.PageSize);
    }

    /// <summary>Sends what is queued and waits for it, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _appends.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private async Task<IReadOnlyList<bool>> InsertAsync(IReadOnlyList<AuditAppend> batch, CancellationToken cancellation)
    {
        var records = batch.Select(append => append.Record).ToList();
        await using var command = _dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("times", records.Select(record => record.Time.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("actors", records.Select(record => record.Actor).ToArray());
        command.Parameters.AddWithValue("roles", records.Select(record => record.Role).ToArray());
        command.Parameters.AddWithValue("methods", records.Select(record => record.Method).ToArray());
        command.Parameters.AddWithValue("request_ids", records.Select(record => record.RequestId).ToArray());
        command.Parameters.AddWithValue("kinds", records.Select(record => record.EntityKind).ToArray());
        command.Parameters.AddWithValue("ids", records.Select(record => record.EntityId).ToArray());
        command.Parameters.AddWithValue("regions", records.Select(record => record.Region).ToArray());
        command.Parameters.AddWithValue("outcomes", records.Select(record => record.Outcome).ToArray());
        command.Parameters.Add(new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = records.Select(record => record.Reason).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellation);
        return [.. batch.Select(_ => true)];
    }
}
