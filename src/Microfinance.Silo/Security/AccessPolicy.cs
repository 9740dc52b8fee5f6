using Grpc.Core;
using Microfinance.Silo.Api.Errors;

namespace Microfinance.Silo.Security;

/// <summary>
/// Decides, before any grain changes, whether a caller may make a request: by the RPC's rule in
/// <see cref="RpcAccessTable"/>, against the region and bank the request touches. A refusal is
/// PERMISSION_DENIED with a reason from <see cref="AccessReasons"/>; it names neither the entity's
/// place nor any personal data.
/// </summary>
public sealed class AccessPolicy(EntityScopes scopes)
{
    /// <returns>The regions the request touches (none for a stream, whose messages are admitted one by one).</returns>
    /// <exception cref="RpcException">PERMISSION_DENIED; or NOT_FOUND when the request names an entity that does not exist.</exception>
    public async ValueTask<IReadOnlyList<AccessTarget>> AuthorizeAsync(Caller caller, string method, object? request)
    {
        if (!RpcAccessTable.Rules.TryGetValue(method, out var rule) || !rule.Roles.Contains(caller.Role))
        {
            throw Denied(AccessReasons.RoleNotPermitted, $"A {RoleNames.Of(caller.Role)} may not call {method}.");
        }

        if (request is null)
        {
            return [];
        }

        if (rule.ActsAs?.Invoke(request, caller) is { } why)
        {
            throw Denied(AccessReasons.NotCallersParty, $"Permission denied: {why}.");
        }

        var targets = await rule.Targets(request, scopes);
        foreach (var target in targets)
        {
            var inReach = rule.Reach == Reach.Within ? caller.Covers(target.Region) : caller.IsRelatedTo(target.Region);
            if (!inReach)
            {
                throw Denied(AccessReasons.OutsideArea, "Permission denied: the request touches a region outside the caller's area.");
            }

            if (caller.Bank is { } bank && target.Bank is { } owner && !string.Equals(owner, bank, StringComparison.Ordinal))
            {
                throw Denied(AccessReasons.OtherBank, "Permission denied: the request touches another bank's business.");
            }
        }

        return targets;
    }

    private static RpcException Denied(string reason, string message) =>
        ErrorStatus.Refused(Google.Rpc.Code.PermissionDenied, reason, message).ToRpcException();
}
