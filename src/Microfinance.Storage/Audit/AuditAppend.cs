namespace Microfinance.Storage.Audit;

/// <summary>One record on its way to the audit table: a new row of its own, so any batch may carry it.</summary>
internal sealed record AuditAppend(AuditRecord Record) : IBatchedRequest
{
    public RowKey Key { get; } = new("audit", Guid.NewGuid().ToString("N"), "");

    public int PayloadBytes => 128 + Record.Method.Length + Record.EntityId.Length + Record.RequestId.Length;
}
