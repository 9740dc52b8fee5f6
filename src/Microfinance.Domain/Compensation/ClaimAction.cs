namespace Microfinance.Domain.Compensation;

/// <summary>What a step of a claim's audit trail did.</summary>
public enum ClaimAction
{
    /// <summary>The bank filed the claim and it was accepted.</summary>
    Filed = 1,

    /// <summary>The notice went up on the board.</summary>
    NoticePosted = 2,

    /// <summary>Someone objected to the notice.</summary>
    ObjectionRaised = 3,

    /// <summary>The county found an objection unfounded.</summary>
    ObjectionDismissed = 4,

    /// <summary>The county found an objection valid, which rejected the claim.</summary>
    ObjectionUpheld = 5,

    /// <summary>The county offices verified the claim with nothing against it.</summary>
    Verified = 6,

    /// <summary>The county offices' findings rejected the claim.</summary>
    Rejected = 7,

    /// <summary>The leading group approved the claim.</summary>
    Approved = 8,

    /// <summary>The fund's payout was recorded (with any shortfall owed by the county budget).</summary>
    Compensated = 9,

    /// <summary>The bank reported money recovered after compensation.</summary>
    RecoveryRecorded = 10,

    /// <summary>The township's poverty-alleviation station endorsed the claim and signed its opinion (第二十四条).</summary>
    TownshipSignedOff = 11,

    /// <summary>The bank withdrew the claim before approval.</summary>
    Withdrawn = 12,

    /// <summary>The county budget paid the shortfall the fund could not (第二十六条).</summary>
    ShortfallSettled = 13,
}
