namespace Microfinance.Storage.Audit;

/// <summary>One page of an audit query: records newest first, and where the next page starts.</summary>
/// <param name="Records">The records.</param>
/// <param name="NextBefore">The <see cref="AuditQuery.Before"/> of the next page; null on the last.</param>
public sealed record AuditPage(IReadOnlyList<StoredAuditRecord> Records, long? NextBefore);
