using Microfinance.Silo.Security;

namespace Microfinance.Silo.Demo;

/// <summary>One demo role, for which the embedded profile prints a ready token.</summary>
/// <param name="Variable">The shell variable the banner exports the token as.</param>
/// <param name="Subject">Who acts (the token's subject).</param>
/// <param name="Role">The role.</param>
/// <param name="Regions">The areas the role covers.</param>
/// <param name="Bank">A bank officer's bank.</param>
public sealed record DemoCaller(string Variable, string Subject, Role Role, IReadOnlyList<string> Regions, string? Bank = null)
{
    /// <summary>A caller of each role in the demo province (云南省, 富民县's credit union).</summary>
    public static IReadOnlyList<DemoCaller> All { get; } =
    [
        new("MF_PROVINCE", "demo-province-office", Role.ProvinceAdministrator, ["53"]),
        new("MF_COUNTY", "demo-fumin-county-office", Role.CountyOfficer, ["530124"]),
        new("MF_TOWNSHIP", "demo-kuanzhuang-township", Role.TownshipOfficer, ["530124101"]),
        new("MF_VILLAGE", "demo-kuanzhuang-village", Role.VillageOfficer, ["530124101001"]),
        new("MF_BANK", "demo-rcc-loan-officer", Role.BankOfficer, ["530124", "530125"], "RCC"),
        new("MF_AUDITOR", "demo-provincial-auditor", Role.Auditor, ["53"]),
        new("MF_OPERATOR", "demo-operator", Role.Operator, []),
    ];
}
