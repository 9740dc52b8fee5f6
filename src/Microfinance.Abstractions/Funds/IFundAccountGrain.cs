using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Funds;

/// <summary>
/// A county's risk-compensation fund (风险补偿金) at one cooperating bank, keyed by
/// <see cref="FundAccountId"/>. It owns its ledger, its balance (derived from the ledger) and
/// the principal it backs, so the leverage check never crosses grains.
/// </summary>
public interface IFundAccountGrain : IGrainWithStringKey
{
    /// <summary>Opens the account. Fails with <c>COUNTY_NOT_FOUND</c> or <c>FUND_ACCOUNT_ALREADY_EXISTS</c>.</summary>
    Task<FundPosition> OpenAsync(AdminCode county, string bankCode, string bankName, string actor, string requestId);

    /// <summary>
    /// Records a deposit, an interest credit or a recovery. A replayed request id records nothing.
    /// Payouts go through <see cref="PayCompensationAsync"/>, which keeps the balance from going negative.
    /// </summary>
    Task<FundPosition> RecordAsync(FundEntryKind kind, Money amount, string memo, string actor, string requestId);

    /// <summary>The account's position, or <c>FUND_ACCOUNT_NOT_FOUND</c>.</summary>
    [ReadOnly]
    Task<FundPosition> GetPositionAsync();

    /// <summary>The ledger, oldest entry first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<FundLedgerEntry>> GetLedgerAsync();

    /// <summary>
    /// Holds headroom for an approved loan until <paramref name="expiresAt"/>; fails with
    /// <c>FUND_LEVERAGE_EXCEEDED</c>. Idempotent by loan id.
    /// </summary>
    Task ReserveAsync(string loanId, Money principal, int leverageMultiple, DateTimeOffset expiresAt);

    /// <summary>
    /// Drops the disbursed loan's reservation: its principal is outstanding now, counted from its
    /// page of the loan book (which must have reported it first). Idempotent by loan id.
    /// </summary>
    Task ConfirmAsync(string loanId);

    /// <summary>Drops the loan's reservation, if it holds one. Idempotent by loan id.</summary>
    Task ReleaseAsync(string loanId);

    /// <summary>
    /// Takes the fund-backed principal outstanding on a page of the county's loan book: the fund's
    /// outstanding principal is the sum over its bank's pages, which take each loan's disbursement,
    /// repayments and compensation once by sequence. An older revision than the one held changes nothing.
    /// </summary>
    Task ReportAsync(LoanBookTally tally);

    /// <summary>
    /// Pays the fund's share of a compensated loan's approved loss to the bank (第二十条 (四)): out
    /// of the balance as far as it goes, the rest owed by the county budget (第二十六条), so the
    /// balance never goes negative. The loan's <paramref name="backedPrincipal"/> is recorded with the
    /// payout; it leaves the fund's outstanding when the loan is marked compensated. Idempotent by
    /// loan id: a loan is paid once, and a repeated call returns the first payout.
    /// </summary>
    Task<CompensationPayout> PayCompensationAsync(string loanId, Money fundShare, Money backedPrincipal, string memo, string actor);
}
