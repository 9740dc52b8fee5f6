namespace Microfinance.Storage.Audit;

/// <summary>An audit record as kept, with its place in the trail: later records have higher sequences.</summary>
public sealed record StoredAuditRecord(long Sequence, AuditRecord Record);
