namespace Microfinance.Storage.Audit;

/// <summary>Which audit records to list, newest first.</summary>
/// <param name="Region">Records of this region or within it (a division code's short form).</param>
/// <param name="EntityKind">Only records of this kind of entity, when given.</param>
/// <param name="EntityId">Only records of this entity, when given (with <paramref name="EntityKind"/>).</param>
/// <param name="From">Only records at or after this time, when given.</param>
/// <param name="Until">Only records before this time, when given.</param>
/// <param name="PageSize">At most this many records.</param>
/// <param name="Before">Only records older than this sequence: where the previous page ended.</param>
public sealed record AuditQuery(
    string Region,
    string? EntityKind,
    string? EntityId,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    int PageSize,
    long? Before)
{
    /// <summary>Whether <paramref name="record"/> is one this query selects, page aside.</summary>
    public bool Selects(StoredAuditRecord record) =>
        record.Record.Region.StartsWith(Region, StringComparison.Ordinal)
        && (EntityKind is null || record.Record.EntityKind == EntityKind)
        && (EntityId is null || record.Record.EntityId == EntityId)
        && (From is null || record.Record.Time >= From)
        && (Until is null || record.Record.Time < Until)
        && (Before is null || record.Sequence < Before);
}
