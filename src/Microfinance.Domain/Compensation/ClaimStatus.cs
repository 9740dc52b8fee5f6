namespace Microfinance.Domain.Compensation;

/// <summary>
/// Where a compensation claim is in 第二十条's procedure: filed by the bank → public notice in the
/// borrower's village, and the township's sign-off (第二十四条) → verified by the county offices →
/// approved by the leading group and paid from the fund. <see cref="Approving"/> is a durable intent: a claim found in it after a crash
/// completes its payout.
/// </summary>
public enum ClaimStatus
{
    /// <summary>Filed by the bank and accepted (受理): the loan was overdue long enough and the collection record complete.</summary>
    Filed = 1,

    /// <summary>The notice is posted (公示); it stays so, with objections heard, until the county verifies.</summary>
    UnderNotice = 2,

    /// <summary>The county offices verified the claim with nothing against it (审核确认).</summary>
    Verified = 3,

    /// <summary>Approved by the leading group; the fund's payout is being recorded.</summary>
    Approving = 4,

    /// <summary>Approved and paid (拨付): the fund paid its share, any shortfall is owed by the county budget.</summary>
    Compensated = 5,

    /// <summary>Refused after filing: the township's refusal, an upheld objection or a finding at verification. Final.</summary>
    Rejected = 6,

    /// <summary>Withdrawn by the bank before approval. Final.</summary>
    Withdrawn = 7,
}
