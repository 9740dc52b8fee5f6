namespace Microfinance.Silo.Security;

/// <summary>What a caller is, from the token's <c>role</c> claim (<see cref="RoleNames"/>).</summary>
public enum Role
{
    /// <summary>The province's poverty-alleviation office, or its platform acting for it: every business RPC in the province.</summary>
    ProvinceAdministrator,

    /// <summary>A county office: its own county's policy, quota, fund, reviews and claims.</summary>
    CountyOfficer,

    /// <summary>A township's officer: its own township's households, quota and reviews.</summary>
    TownshipOfficer,

    /// <summary>A village committee: its own village's households, first review and notice board.</summary>
    VillageOfficer,

    /// <summary>A cooperating bank's officer: its own bank's loans, claims and funds, in the counties it serves.</summary>
    BankOfficer,

    /// <summary>Reads everything in its area; personal data masked; changes nothing.</summary>
    Auditor,

    /// <summary>Runs the cluster; sees no business data.</summary>
    Operator,
}
