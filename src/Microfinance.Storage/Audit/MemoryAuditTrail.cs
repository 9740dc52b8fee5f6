namespace Microfinance.Storage.Audit;

/// <summary>
/// The embedded profile's audit trail: in memory, lost at restart like the rest of its state.
/// It grows with every change, which suits a demonstration platform and not a province.
/// </summary>
public sealed class MemoryAuditTrail : IAuditTrail
{
    private readonly List<StoredAuditRecord> _records = [];

    public Task AppendAsync(AuditRecord record)
    {
        lock (_records)
        {
            _records.Add(new StoredAuditRecord(_records.Count + 1, record));
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ListAsync(AuditQuery query)
    {
        List<StoredAuditRecord> page;
        lock (_records)
        {
            page = [.. Enumerable.Reverse(_records).Where(query.Selects).Take(query.PageSize + 1)];
        }

        return Task.FromResult(AuditPages.Of(page, query.PageSize));
    }
}
