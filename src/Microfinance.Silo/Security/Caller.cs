using System.Security.Claims;
using Microfinance.Domain.Regions;

namespace Microfinance.Silo.Security;

/// <summary>Who is calling, read from a validated token.</summary>
/// <param name="Subject">The token's subject: the actor recorded on every change the caller makes.</param>
/// <param name="Role">What the caller may do.</param>
/// <param name="Areas">The regions the role covers; empty only for an operator.</param>
/// <param name="Bank">A bank officer's bank; null for every other role.</param>
public sealed record Caller(string Subject, Role Role, IReadOnlyList<AdminCode> Areas, string? Bank)
{
    /// <summary>Longest subject accepted: it is stored as the actor of changes.</summary>
    public const int MaxSubjectLength = 100;

    /// <summary>Whether <paramref name="region"/> lies within one of the caller's areas.</summary>
    public bool Covers(AdminCode region) => Areas.Any(region.IsWithin);

    /// <summary>Whether <paramref name="region"/> lies within, or encloses, one of the caller's areas.</summary>
    public bool IsRelatedTo(AdminCode region) => Areas.Any(area => region.IsWithin(area) || area.IsWithin(region));

    /// <summary>
    /// The caller described by <paramref name="user"/>'s claims, or null with the reason when the
    /// token, though validly signed, does not say who may do what.
    /// </summary>
    public static Caller? From(ClaimsPrincipal user, out string? problem)
    {
        var subject = user.FindFirst(TokenClaims.Subject)?.Value?.Trim() ?? "";
        if (subject.Length is 0 or > MaxSubjectLength)
        {
            problem = $"the token's '{TokenClaims.Subject}' claim must be 1 to {MaxSubjectLength} characters";
            return null;
        }

        if (!RoleNames.TryParse(user.FindFirst(TokenClaims.Role)?.Value, out var role))
        {
            problem = $"the token's '{TokenClaims.Role}' claim is not a role of this platform";
            return null;
        }

        var areas = new List<AdminCode>();
        foreach (var claim in user.FindAll(TokenClaims.Region))
        {
            if (!AdminCode.TryParse(claim.Value, out var area, out _))
            {
                problem = $"the token's '{TokenClaims.Region}' claim is not a division code";
                return null;
            }

            areas.Add(area);
        }

        if (role != Role.Operator && areas.Count == 0)
        {
            problem = $"the token has no '{TokenClaims.Region}' claim for its role";
            return null;
        }

        if (RequiredLevel(role) is { } level && areas.Any(area => area.Level != level))
        {
            problem = $"a {RoleNames.Of(role)}'s '{TokenClaims.Region}' claim must be a {level.ToString().ToLowerInvariant()} code";
            return null;
        }

        var bank = user.FindFirst(TokenClaims.Bank)?.Value?.Trim();
        var isBank = role == Role.BankOfficer;
        if (isBank == string.IsNullOrEmpty(bank))
        {
            problem = $"a '{TokenClaims.Bank}' claim is required of a bank officer and of no one else";
            return null;
        }

        problem = null;
        return new Caller(subject, role, areas, isBank ? bank : null);
    }

    /// <summary>The level a regional officer's area must be: an officer serves exactly their own region.</summary>
    private static AdminLevel? RequiredLevel(Role role) => role switch
    {
        Role.ProvinceAdministrator => AdminLevel.Province,
        Role.CountyOfficer => AdminLevel.County,
        Role.TownshipOfficer => AdminLevel.Township,
        Role.VillageOfficer => AdminLevel.Village,
        _ => null,
    };
}
