using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests.Access;

/// <summary>
/// The callers the matrix tries every RPC with: each role in the county under test, the same role
/// one county (or province, or bank) over, and callers without a valid token.
/// </summary>
public static class MatrixCallers
{
    public const string Province = "province-admin";
    public const string OtherProvince = "province-admin of 46";
    public const string County = "county-officer";
    public const string OtherCounty = "county-officer next door";
    public const string Township = "township-officer";
    public const string OtherTownship = "township-officer next door";
    public const string Village = "village-officer";
    public const string OtherVillage = "village-officer next door";
    public const string Bank = "bank-officer RCC";
    public const string OtherBank = "bank-officer PSBC";
    public const string BankElsewhere = "bank-officer RCC next door";
    public const string Auditor = "auditor";
    public const string Operator = "operator";
    public const string Anonymous = "no token";
    public const string Expired = "expired token";
    public const string Forged = "token signed with another key";

    /// <summary>The callers with no valid token: UNAUTHENTICATED for every RPC.</summary>
    public static readonly IReadOnlySet<string> Unauthenticated = new HashSet<string> { Anonymous, Expired, Forged };

    /// <summary>Every caller, for a county's village <paramref name="village"/> (12 digits) and a neighbouring county.</summary>
    public static IReadOnlyList<MatrixCaller> For(TokenIssuer tokens, string village, string neighbourCounty)
    {
        var (county, township) = (village[..6], village[..9]);
        var (otherTownship, otherVillage) = (neighbourCounty + "001", neighbourCounty + "001001");
        var forger = new TokenIssuer(
            PlatformAuthentication.DevelopmentIssuer,
            PlatformAuthentication.DevelopmentAudience,
            new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]),
            TimeProvider.System);
        return
        [
            new(Province, tokens.Issue("province", Role.ProvinceAdministrator, ["45"])),
            new(OtherProvince, tokens.Issue("province-46", Role.ProvinceAdministrator, ["46"])),
            new(County, tokens.Issue("county", Role.CountyOfficer, [county]), LoanParty.County),
            new(OtherCounty, tokens.Issue("county-next", Role.CountyOfficer, [neighbourCounty]), LoanParty.County),
            new(Township, tokens.Issue("township", Role.TownshipOfficer, [township]), LoanParty.Township),
            new(OtherTownship, tokens.Issue("township-next", Role.TownshipOfficer, [otherTownship]), LoanParty.Township),
            new(Village, tokens.Issue("village", Role.VillageOfficer, [village]), LoanParty.Village),
            new(OtherVillage, tokens.Issue("village-next", Role.VillageOfficer, [otherVillage]), LoanParty.Village),
            new(Bank, tokens.Issue("rcc", Role.BankOfficer, [county], "RCC"), LoanParty.Bank),
            new(OtherBank, tokens.Issue("psbc", Role.BankOfficer, [county], "PSBC"), LoanParty.Bank),
            new(BankElsewhere, tokens.Issue("rcc-next", Role.BankOfficer, [neighbourCounty], "RCC"), LoanParty.Bank),
            new(Auditor, tokens.Issue("auditor", Role.Auditor, ["45"])),
            new(Operator, tokens.Issue("operator", Role.Operator, [])),
            new(Anonymous, null),
            new(Expired, tokens.Issue("province", Role.ProvinceAdministrator, ["45"], lifetime: TimeSpan.FromMinutes(-5))),
            new(Forged, forger.Issue("province", Role.ProvinceAdministrator, ["45"])),
        ];
    }
}
