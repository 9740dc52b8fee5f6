namespace Microfinance.Abstractions.Servicing;

/// <summary>Where a monthly subsidy statement is: prepared from the loans, or approved by the county (即报即审，即审即批).</summary>
public enum SubsidyStatementStatus
{
    /// <summary>Not prepared yet.</summary>
    None = 0,

    /// <summary>Prepared from the bank's loans; may be prepared again until approved.</summary>
    Prepared = 1,

    /// <summary>Approved by the county: final.</summary>
    Approved = 2,
}
