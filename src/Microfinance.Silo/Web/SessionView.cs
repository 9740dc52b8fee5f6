using Microfinance.Silo.Security;

namespace Microfinance.Silo.Web;

/// <summary>Who the page is signed in as: what it needs to choose the dashboards to show.</summary>
/// <param name="Role">The role's name as tokens carry it, e.g. <c>county-officer</c>.</param>
/// <param name="Areas">The caller's regions, as 12-digit codes.</param>
/// <param name="Bank">A bank officer's bank; null for anyone else.</param>
public sealed record SessionView(string Subject, string Role, IReadOnlyList<string> Areas, string? Bank)
{
    public static SessionView Of(Caller caller) =>
        new(caller.Subject, RoleNames.Of(caller.Role), [.. caller.Areas.Select(area => area.Value)], caller.Bank);
}
