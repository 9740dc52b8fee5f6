namespace Microfinance.Domain.Compensation;

/// <summary>Where an objection to a claim's public notice is.</summary>
public enum ObjectionStatus
{
    /// <summary>Raised and not yet resolved: the claim cannot be verified or approved.</summary>
    Open = 1,

    /// <summary>Found unfounded: the claim goes on.</summary>
    Dismissed = 2,

    /// <summary>Found valid: the claim is rejected (第二十条 (三) takes only claims "公示无异议").</summary>
    Upheld = 3,
}
