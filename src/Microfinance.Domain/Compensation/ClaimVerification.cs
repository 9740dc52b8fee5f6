namespace Microfinance.Domain.Compensation;

/// <summary>The outcome of the county's verification: verified, or refused for the first finding in the order of the articles.</summary>
public static class ClaimVerification
{
    /// <summary>
    /// The reason the claim is refused, or null when nothing was found against it. With several
    /// findings, the reason is the first in article order (第二十一条 (二), (三), (四), then 第二十五条);
    /// every finding stays on the claim.
    /// </summary>
    public static string? RejectionReason(IEnumerable<VerificationFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);

        return findings.Distinct().Order().Select(Reason).FirstOrDefault();
    }

    /// <summary>The stable reason code of a finding.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The finding is not defined.</exception>
    public static string Reason(VerificationFinding finding) => finding switch
    {
        VerificationFinding.BankDidNotPursue => "BANK_DID_NOT_PURSUE",
        VerificationFinding.RiskEventNotReported => "RISK_EVENT_NOT_REPORTED",
        VerificationFinding.LentOutsideInstructions => "LENT_OUTSIDE_INSTRUCTIONS",
        VerificationFinding.CauseNotCovered => "CAUSE_NOT_COVERED",
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "Unknown verification finding."),
    };
}
