using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Compensation;

/// <summary>
/// The risk-compensation claim (风险补偿申请) on one loan, keyed by the loan id, so that a loan is
/// claimed — and compensated — at most once. It walks 第二十条's procedure: the bank files → the
/// county posts a notice in the borrower's village → objections are heard and resolved, and the
/// township signs the claim off (第二十四条) → the county offices verify → the leading group
/// approves and the fund pays its share (the county budget any shortfall) → recoveries are split
/// back. The bank may withdraw the claim until approval.
/// </summary>
/// <remarks>
/// Every method is idempotent by request id: a replay returns the claim as it is and applies
/// nothing. A refusal (a rule's reason, e.g. <c>CLAIM_TOO_EARLY</c>, <c>NOTICE_PERIOD_NOT_OVER</c>)
/// changes nothing. Rules the platform can check from the loan and the collection record are checked
/// at filing; what needs the county's inquiry is recorded as findings at verification.
/// </remarks>
public interface ICompensationClaimGrain : IGrainWithStringKey
{
    /// <summary>
    /// The bank files the claim. Refused with <c>LOAN_NOT_FOUND</c>, <c>NOT_THE_LENDING_BANK</c>,
    /// <c>LOAN_NOT_DISBURSED</c>, <c>LOAN_CLOSED</c>, <c>CLAIM_TOO_EARLY</c> (第十九条),
    /// <c>DATE_IN_FUTURE</c>, <c>NO_DUNNING_IN_COLLECTION_PERIOD</c> (第二十一条 (一)),
    /// <c>BANK_DID_NOT_PURSUE</c> (第二十一条 (二)), <c>LOAN_NOT_FUND_BACKED</c>; or
    /// <c>CLAIM_ALREADY_FILED</c> when the loan already has a claim.
    /// </summary>
    Task<CompensationClaim> FileAsync(ClaimFiling filing, string actor, string requestId);

    /// <summary>The county posts the notice today on the borrower's board, for the policy's notice days (第二十条 (二)).</summary>
    Task<CompensationClaim> PostNoticeAsync(string actor, string requestId);

    /// <summary>Records an objection to the notice while it stands (<c>OBJECTION_PERIOD_OVER</c> after).</summary>
    Task<CompensationClaim> RaiseObjectionAsync(string objector, string content, string actor, string requestId);

    /// <summary>
    /// The county resolves an open objection: dismissed, the claim goes on; upheld, the claim is
    /// rejected (<c>OBJECTION_UPHELD</c>). <c>OBJECTION_NOT_FOUND</c>, <c>OBJECTION_ALREADY_RESOLVED</c>.
    /// </summary>
    Task<CompensationClaim> ResolveObjectionAsync(int number, bool upheld, string resolution, string actor, string requestId);

    /// <summary>
    /// The township's station signs the claim off with its opinion (第二十四条), any time after filing
    /// and before verification; not endorsed, the claim is rejected (<c>TOWNSHIP_NOT_ENDORSED</c>).
    /// Refused with <c>CLAIM_ALREADY_SIGNED_OFF</c> or <c>CLAIM_STAGE_INVALID</c> once verified.
    /// </summary>
    Task<CompensationClaim> SignOffAsync(bool endorsed, string opinion, string actor, string requestId);

    /// <summary>
    /// The bank withdraws its claim before approval; the claim is final then. Refused with
    /// <c>CLAIM_STAGE_INVALID</c> once approved, <c>CLAIM_REJECTED</c>, <c>CLAIM_WITHDRAWN</c>.
    /// </summary>
    Task<CompensationClaim> WithdrawAsync(string reason, string actor, string requestId);

    /// <summary>
    /// The county offices verify the claim after the notice, with no objection open (第二十条 (三))
    /// and the township's sign-off (第二十四条): without findings it is verified; with any it is
    /// rejected for the first in article order. Refused with <c>NOTICE_NOT_POSTED</c>,
    /// <c>NOTICE_PERIOD_NOT_OVER</c>, <c>OBJECTION_OPEN</c> or <c>TOWNSHIP_SIGN_OFF_MISSING</c>.
    /// </summary>
    Task<CompensationClaim> VerifyAsync(IReadOnlyList<VerificationFinding> findings, string note, string actor, string requestId);

    /// <summary>
    /// The leading group approves a verified claim on <paramref name="approvalDocument"/>, and the
    /// fund pays its share of the approved loss to the bank (第二十条 (四), 第二十二条); what the fund
    /// cannot pay is owed by the county budget (第二十六条). Refused with <c>CLAIM_NOT_VERIFIED</c>
    /// (or what still stands before it), or <c>LOAN_REPAID</c> when repayments since filing cover
    /// the loss.
    /// </summary>
    Task<CompensationClaim> ApproveAsync(string approvalDocument, string actor, string requestId);

    /// <summary>
    /// The county budget paid the shortfall the fund could not (第二十六条), on its document; the
    /// shortfall stands settled. Refused with <c>NO_SHORTFALL</c>, <c>SHORTFALL_ALREADY_SETTLED</c>,
    /// <c>DATE_IN_FUTURE</c> or <c>SHORTFALL_PAID_BEFORE_COMPENSATION</c>.
    /// </summary>
    Task<CompensationClaim> SettleShortfallAsync(DateOnly paidOn, string document, string actor, string requestId);

    /// <summary>
    /// The bank reports money recovered after compensation; it is split back pro rata to the risk
    /// each side bore, or, recovered by a suit against malicious evasion, goes to the fund whole;
    /// the fund's part is credited to its ledger (第二十三条). Refused with
    /// <c>CLAIM_NOT_COMPENSATED</c>, <c>DATE_IN_FUTURE</c>, <c>RECOVERY_BEFORE_COMPENSATION</c> or
    /// <c>RECOVERY_EXCEEDS_LOSS</c>.
    /// </summary>
    Task<CompensationClaim> RecordRecoveryAsync(DateOnly recoveredOn, Money amount, bool throughLitigation, string note, string actor, string requestId);

    /// <summary>The claim with its audit trail, or <c>CLAIM_NOT_FOUND</c>.</summary>
    Task<CompensationClaim> GetAsync();
}
