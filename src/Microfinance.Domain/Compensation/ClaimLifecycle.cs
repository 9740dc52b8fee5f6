using Microfinance.Domain.Errors;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// The order of 第二十条's procedure: which step a claim accepts in which status. The notice must
/// stand its full period, every objection be resolved and the township have signed the claim off
/// (第二十四条) before the county verifies ("对公示无异议的贷款户…审核确认"), and only a verified claim
/// goes to the leading group for approval. A step the claim is not ready for is refused with the
/// reason it is not; a rejected or withdrawn claim refuses everything.
/// </summary>
public static class ClaimLifecycle
{
    /// <summary>The county posts the notice on a filed claim.</summary>
    public static void EnsureNoticeCanBePosted(ClaimStatus status)
    {
        if (status != ClaimStatus.Filed)
        {
            throw Refused(status, "posting a notice");
        }
    }

    /// <summary>An objection may be raised while the notice stands.</summary>
    public static void EnsureObjectionCanBeRaised(ClaimStatus status, NoticePeriod? notice, DateOnly today)
    {
        if (status != ClaimStatus.UnderNotice || notice is null)
        {
            throw Refused(status, "an objection");
        }

        if (notice.IsOver(today))
        {
            throw new RuleViolationException(
                "OBJECTION_PERIOD_OVER", $"The notice posted on {notice.PostedOn:yyyy-MM-dd} ended on {notice.EndsOn.AddDays(-1):yyyy-MM-dd}; objections are heard while it stands.");
        }
    }

    /// <summary>The county resolves objections before it verifies the claim.</summary>
    public static void EnsureObjectionCanBeResolved(ClaimStatus status)
    {
        if (status != ClaimStatus.UnderNotice)
        {
            throw Refused(status, "resolving an objection");
        }
    }

    /// <summary>
    /// The township's station signs a claim off once, any time after filing and before the county
    /// verifies: it checks the claim and reports it on to the county with the bank (第二十四条).
    /// </summary>
    public static void EnsureTownshipCanSignOff(ClaimStatus status, bool signedOff)
    {
        if (status is not (ClaimStatus.Filed or ClaimStatus.UnderNotice))
        {
            throw status is ClaimStatus.Rejected or ClaimStatus.Withdrawn ? Refused(status, "a sign-off") : new RuleViolationException(
                "CLAIM_STAGE_INVALID", $"A claim at status {status} is past the township's sign-off.");
        }

        if (signedOff)
        {
            throw new RuleViolationException("CLAIM_ALREADY_SIGNED_OFF", "The township has signed the claim off already.");
        }
    }

    /// <summary>The bank may withdraw its claim until the leading group approves it.</summary>
    public static void EnsureWithdrawable(ClaimStatus status)
    {
        if (status is not (ClaimStatus.Filed or ClaimStatus.UnderNotice or ClaimStatus.Verified))
        {
            throw Refused(status, "withdrawal");
        }
    }

    /// <summary>
    /// The county verifies once the notice has stood its period with no objection open, and the
    /// township has signed the claim off.
    /// </summary>
    public static void EnsureVerifiable(ClaimStatus status, NoticePeriod? notice, bool objectionOpen, bool signedOff, DateOnly today)
    {
        if (status != ClaimStatus.UnderNotice || notice is null)
        {
            throw Refused(status, "verification");
        }

        if (!notice.IsOver(today))
        {
            throw new RuleViolationException(
                "NOTICE_PERIOD_NOT_OVER",
                $"The notice posted on {notice.PostedOn:yyyy-MM-dd} stands for {notice.Days} days, until {notice.EndsOn.AddDays(-1):yyyy-MM-dd} (第二十条 (二): 公示期不少于{notice.Days}天).");
        }

        if (objectionOpen)
        {
            throw new RuleViolationException(
                "OBJECTION_OPEN", "An objection to the notice is open; only claims without objection go on (第二十条 (三): 对公示无异议的贷款户).");
        }

        if (!signedOff)
        {
            throw new RuleViolationException(
                "TOWNSHIP_SIGN_OFF_MISSING", "The township's poverty-alleviation station must sign the claim off before the county verifies it (第二十四条).");
        }
    }

    /// <summary>The leading group approves a verified claim.</summary>
    public static void EnsureApprovable(ClaimStatus status, NoticePeriod? notice, bool objectionOpen, bool signedOff, DateOnly today)
    {
        if (status == ClaimStatus.Verified)
        {
            return;
        }

        if (status == ClaimStatus.UnderNotice)
        {
            // Name what still stands in the way: the notice, an objection, or the verification.
            EnsureVerifiable(status, notice, objectionOpen, signedOff, today);
            throw new RuleViolationException(
                "CLAIM_NOT_VERIFIED", "The county offices must verify the claim before the leading group approves it (第二十条 (三)).");
        }

        throw Refused(status, "approval");
    }

    /// <summary>Recoveries are recorded on a compensated claim (第二十三条).</summary>
    public static void EnsureRecoverable(ClaimStatus status)
    {
        if (status != ClaimStatus.Compensated)
        {
            throw new RuleViolationException(
                "CLAIM_NOT_COMPENSATED", $"A claim at status {status} has not been compensated; money collected before then is a repayment of the loan.");
        }
    }

    private static RuleViolationException Refused(ClaimStatus status, string step) => status switch
    {
        ClaimStatus.Rejected => new("CLAIM_REJECTED", $"The claim was rejected and is final; it does not accept {step}."),
        ClaimStatus.Withdrawn => new("CLAIM_WITHDRAWN", $"The bank withdrew the claim; it does not accept {step}."),
        ClaimStatus.Filed => new("NOTICE_NOT_POSTED", $"The claim's notice is not posted yet (第二十条 (二)); it does not accept {step}."),
        _ => new("CLAIM_STAGE_INVALID", $"A claim at status {status} does not accept {step}."),
    };
}
