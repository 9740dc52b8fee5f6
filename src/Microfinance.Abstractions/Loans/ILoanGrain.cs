using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Loans;

/// <summary>
/// A loan through 户申请 → 村初审 → 乡审核 → 县复查 → 银行审定 → 放款, keyed by its loan id.
/// Every method is idempotent by request id: a replay returns the loan as it is and applies nothing.
/// Refusals are <c>LOAN_STAGE_INVALID</c> for a step out of order, or the named eligibility rule.
/// </summary>
public interface ILoanGrain : IGrainWithStringKey
{
    /// <summary>Applies: checks the borrower's eligibility under the county policy in force today.</summary>
    Task<LoanRecord> ApplyAsync(LoanApplication application, string actor, string requestId);

    /// <summary>Passes the review due at the loan's stage (village, township or county).</summary>
    Task<LoanRecord> ReviewAsync(LoanParty party, string actor, string note, string requestId);

    /// <summary>
    /// 银行审定: re-checks eligibility and reserves household cap, village quota (or the township's
    /// legal-person share) and fund headroom, all or nothing. <paramref name="contractRate"/> null
    /// means the reference rate; <paramref name="repaymentTerms"/> null means <see cref="RepaymentTerms.Default"/>.
    /// </summary>
    Task<LoanRecord> ApproveAsync(InterestRate? contractRate, string actor, string requestId, RepaymentTerms? repaymentTerms = null);

    /// <summary>Rejects with a reason at the stage <paramref name="party"/> reviews; releases any reservations.</summary>
    Task<LoanRecord> RejectAsync(LoanParty party, string actor, string reason, string requestId);

    /// <summary>The borrower withdraws before disbursement; releases any reservations.</summary>
    Task<LoanRecord> WithdrawAsync(string actor, string reason, string requestId);

    /// <summary>The bank reports the disbursement: reservations become usage (acknowledged once durable).</summary>
    Task<LoanRecord> RecordDisbursementAsync(DateOnly disbursedOn, string actor, string requestId);

    /// <summary>
    /// The bank reports a repayment (partial, full or early): interest first, then principal; more
    /// than is owed is refused (<c>OVERPAYMENT</c>); the loan closes when nothing is owed. Repaid
    /// principal frees the household cap and the fund's headroom.
    /// </summary>
    Task<LoanRecord> RecordRepaymentAsync(DateOnly paidOn, Money amount, string actor, string requestId);

    /// <summary>
    /// 展期: extends the loan by <paramref name="months"/> under its policy — once, before maturity, while
    /// current, with the bank's new <paramref name="rating"/> of the borrower. The principal not yet
    /// due moves to the later dates; the amount and the caps it holds do not change.
    /// </summary>
    Task<LoanRecord> ExtendAsync(int months, string rating, string actor, string requestId);

    /// <summary>
    /// 无还本续贷: carries the outstanding principal into a new contract of <paramref name="termMonths"/>
    /// from today, at <paramref name="contractRate"/> (null: the reference rate for today and the new
    /// term) on <paramref name="repaymentTerms"/> (null: the loan's terms). Only at or before maturity,
    /// while current and with the interest paid; the caps the loan holds are not counted again.
    /// </summary>
    Task<LoanRecord> RenewAsync(
        int termMonths, string rating, InterestRate? contractRate, string actor, string requestId, RepaymentTerms? repaymentTerms = null);

    /// <summary>
    /// Applies a county deferral: moves the due dates in its window. True when the loan has a due date
    /// in the window (now or when the deferral was applied before); applying it again changes nothing.
    /// </summary>
    Task<bool> DeferAsync(RepaymentDeferral deferral);

    /// <summary>
    /// The loan's compensation claim was paid (第二十二条): the loan becomes Compensated and leaves the
    /// overdue tallies. It keeps the household cap and the village quota it used, since the household
    /// still owes the debt; the fund already stopped backing it when it paid. Applying it again
    /// changes nothing.
    /// </summary>
    Task<LoanRecord> MarkCompensatedAsync(DateOnly compensatedOn, string note);

    /// <summary>
    /// Day-close visits the loan for <paramref name="day"/>: it ages (days past its oldest unpaid due
    /// date), records a change of overdue bucket in its history, and says when to visit it next.
    /// Visiting the same day again returns the same result.
    /// </summary>
    Task<LoanDayResult> CloseDayAsync(DateOnly day);

    /// <summary>
    /// When the loan's outstanding principal falls due over <paramref name="months"/> calendar months
    /// from <paramref name="today"/>'s (its county's business date, given by the caller so that every
    /// loan of a report counts the same months); null unless the loan is disbursed and owes principal.
    /// </summary>
    [AlwaysInterleave]
    Task<LoanMaturities?> MaturitiesAsync(DateOnly today, int months);

    /// <summary>The loan's line on its bank's subsidy statement for a month (zero before disbursement).</summary>
    [AlwaysInterleave]
    Task<SubsidyLine> SubsidyForMonthAsync(int year, int month);

    /// <summary>The loan with its history, or <c>LOAN_NOT_FOUND</c>.</summary>
    Task<LoanRecord> GetAsync();

    /// <summary>The loan as the domain holds it, for a grain that decides on it (its compensation claim), or <c>LOAN_NOT_FOUND</c>.</summary>
    Task<Loan> GetLoanAsync();

    /// <summary>
    /// Where the loan stands, for a grain holding one of its reservations; null while a step of the
    /// loan is under way (its stage is about to change), or <c>LOAN_NOT_FOUND</c>. It answers at once
    /// and changes nothing, so a holder may ask in the middle of its own turn while the loan waits on
    /// that holder.
    /// </summary>
    [AlwaysInterleave]
    Task<LoanStanding?> GetStandingAsync();
}
