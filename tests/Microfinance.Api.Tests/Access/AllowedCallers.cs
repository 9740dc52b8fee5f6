using static Microfinance.Api.Tests.Access.MatrixCallers;

namespace Microfinance.Api.Tests.Access;

/// <summary>
/// Who the matrix expects each kind of RPC to admit, among <see cref="MatrixCallers"/>, written out
/// by hand from the roles table rather than read from the platform's own table.
/// </summary>
public static class AllowedCallers
{
    public static readonly IReadOnlySet<string> ProvinceOffice = Set(Province);

    public static readonly IReadOnlySet<string> CountyOffice = Set(Province, County);

    public static readonly IReadOnlySet<string> TownshipOffice = Set(Province, Township);

    public static readonly IReadOnlySet<string> QuotaAllocators = Set(Province, County, Township);

    public static readonly IReadOnlySet<string> LocalOffices = Set(Province, County, Township, Village);

    public static readonly IReadOnlySet<string> Lenders = Set(Province, Bank);

    /// <summary>The local offices and the bank asked to lend.</summary>
    public static readonly IReadOnlySet<string> Applicants = Set(Province, County, Township, Village, Bank);

    /// <summary>Region-wide data: every reader whose area holds or lies under the village, of any bank.</summary>
    public static readonly IReadOnlySet<string> AreaReaders = Set(Province, County, Township, Village, Bank, OtherBank, Auditor);

    /// <summary>A county's legal persons: readers whose area holds the county (townships and villages do not).</summary>
    public static readonly IReadOnlySet<string> CountyAreaReaders = Set(Province, County, Bank, OtherBank, Auditor);

    /// <summary>One bank's loan: the local offices over it, that bank and the auditor.</summary>
    public static readonly IReadOnlySet<string> LoanReaders = Set(Province, County, Township, Village, Bank, Auditor);

    public static readonly IReadOnlySet<string> QuotaReaders = Set(Province, County, Township, Village, Auditor);

    /// <summary>One bank's fund, claims and subsidy statements.</summary>
    public static readonly IReadOnlySet<string> BankReaders = Set(Province, County, Bank, Auditor);

    /// <summary>County-wide figures across every bank.</summary>
    public static readonly IReadOnlySet<string> CountyReaders = Set(Province, County, Auditor);

    /// <summary>The audit trail: the province's administrator and the auditor.</summary>
    public static readonly IReadOnlySet<string> Auditors = Set(Province, Auditor);

    /// <summary>Anyone signed in, whatever their area or bank.</summary>
    public static readonly IReadOnlySet<string> Everyone = Set(
        Province, OtherProvince, County, OtherCounty, Township, OtherTownship, Village, OtherVillage, Bank, OtherBank, BankElsewhere, Auditor, Operator);

    /// <summary>The practice clock: operators of the environment only.</summary>
    public static readonly IReadOnlySet<string> Operators = Set(Operator);

    private static HashSet<string> Set(params string[] callers) => [.. callers];
}
