using Microfinance.Silo.Audit;

namespace Microfinance.Silo.Security;

/// <summary>Who may call one RPC, and on what.</summary>
/// <param name="Roles">The roles that may call it at all.</param>
/// <param name="Reach">How the touched regions relate to the caller's areas.</param>
/// <param name="Targets">
/// What a request touches, read from its fields or from the entities it names. A field that does
/// not parse yields no target: the RPC then refuses the request itself with INVALID_ARGUMENT.
/// </param>
/// <param name="ActsAs">
/// For RPCs where the request names the party acting: why the caller may not act as it, or null.
/// </param>
/// <param name="Subject">
/// For a unary RPC that changes something: the entity the audit trail records the change under.
/// Null for reads, and for a stream, whose messages are recorded one by one.
/// </param>
public sealed record AccessRule(
    IReadOnlySet<Role> Roles,
    Reach Reach,
    Func<object, EntityScopes, ValueTask<IReadOnlyList<AccessTarget>>> Targets,
    Func<object, Caller, string?>? ActsAs = null,
    Func<object, AuditSubject>? Subject = null);
