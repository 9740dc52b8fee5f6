namespace Microfinance.Storage.Audit;

internal static class AuditPages
{
    /// <summary>A page from up to one record more than <paramref name="pageSize"/>: the extra one only says another page follows.</summary>
    public static AuditPage Of(IReadOnlyList<StoredAuditRecord> newestFirst, int pageSize) =>
        newestFirst.Count > pageSize
            ? new AuditPage([.. newestFirst.Take(pageSize)], newestFirst[pageSize - 1].Sequence)
            : new AuditPage(newestFirst, null);
}
