namespace Microfinance.Storage.Audit;

/// <summary>
/// One change asked of the platform and what came of it. It holds no request content, so no
/// personal data: the entity is named by its platform id (a registry number, loan id, fund id,
/// credit code or division code).
/// </summary>
/// <param name="Time">When the outcome was known.</param>
/// <param name="Actor">The token's subject.</param>
/// <param name="Role">The caller's role, as its token names it.</param>
/// <param name="Method">The RPC's full name.</param>
/// <param name="RequestId">The request id as sent; empty when none was.</param>
/// <param name="EntityKind">What kind of entity the change is to (<c>region</c>, <c>household</c>, <c>loan</c>…).</param>
/// <param name="EntityId">Which one, as sent.</param>
/// <param name="Region">
/// The division code (short form) of the narrowest region the change touches, or of the caller's
/// own area when it was refused before that was known; queries select by it.
/// </param>
/// <param name="Outcome">The gRPC status code's name: <c>OK</c>, <c>PERMISSION_DENIED</c>…</param>
/// <param name="Reason">A refusal's stable reason (google.rpc.ErrorInfo), if it had one.</param>
public sealed record AuditRecord(
    DateTimeOffset Time,
    string Actor,
    string Role,
    string Method,
    string RequestId,
    string EntityKind,
    string EntityId,
    string Region,
    string Outcome,
    string? Reason);
