namespace Microfinance.Silo.Security;

/// <summary>The values of the token's <c>role</c> claim, one per <see cref="Role"/>.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, Role> ByName = new(StringComparer.Ordinal)
    {
        ["province-admin"] = Role.ProvinceAdministrator,
        ["county-officer"] = Role.CountyOfficer,
        ["township-officer"] = Role.TownshipOfficer,
        ["village-officer"] = Role.VillageOfficer,
        ["bank-officer"] = Role.BankOfficer,
        ["auditor"] = Role.Auditor,
        ["operator"] = Role.Operator,
    };

    private static readonly Dictionary<Role, string> ByRole = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static string Of(Role role) => ByRole[role];

    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name ?? "", out role);
}
