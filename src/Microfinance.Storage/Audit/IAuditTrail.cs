namespace Microfinance.Storage.Audit;

/// <summary>The append-only record of every change asked of the platform.</summary>
public interface IAuditTrail
{
    /// <summary>Keeps <paramref name="record"/>; the task completes once it is durable.</summary>
    Task AppendAsync(AuditRecord record);

    Task<AuditPage> ListAsync(AuditQuery query);
}
