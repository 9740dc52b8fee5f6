using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Compensation;

/// <summary>A compensation claim on one loan, with its audit trail. There is at most one per loan.</summary>
/// <param name="LoanId">The loan claimed for; also the claim's id.</param>
/// <param name="County">The county whose fund and leading group decide.</param>
/// <param name="Borrower">The household's registry number, or the legal person's credit code.</param>
/// <param name="NoticeBoard">Where the notice is posted: the borrower's village, or a legal person's township (贷款人经营所在地).</param>
/// <param name="Filing">What the bank filed.</param>
/// <param name="FiledOn">The business date of filing; the loss is assessed as of this date.</param>
/// <param name="OldestUnpaidDueDate">The first missed due date of the arrears: overdue days and collection count from it.</param>
/// <param name="Policy">The policy version the loan was approved under, whose compensation terms apply.</param>
/// <param name="RepaymentsAtFiling">How many repayments the loan had at filing; later ones reduce the loss approved.</param>
/// <param name="Loss">The principal-and-interest loss at filing, as posted on the notice.</param>
/// <param name="History">The audit trail, oldest first.</param>
/// <param name="Notice">The public notice; null before it is posted.</param>
/// <param name="Objections">Objections to the notice, in the order raised.</param>
/// <param name="Findings">What the county offices found at verification; empty when nothing.</param>
/// <param name="RejectionReason">Why the claim was rejected (the rule's reason code); null unless rejected.</param>
/// <param name="ApprovalDocument">The leading group's approval document (批准文件); null before approval.</param>
/// <param name="ApprovedLoss">The loss approved: the filed loss less what the borrower repaid since; null before approval.</param>
/// <param name="Shares">Who bears the approved loss: fund, bank, insurer; null before approval.</param>
/// <param name="PaidFromFund">What the fund paid the bank out of its balance.</param>
/// <param name="OwedByCountyBudget">The fund share the fund could not pay, owed by the county budget (第二十六条).</param>
/// <param name="CompensatedOn">The business date of the payout; null before it.</param>
/// <param name="Recoveries">Money recovered after compensation, oldest first.</param>
public sealed record CompensationClaim(
    string LoanId,
    AdminCode County,
    string Borrower,
    AdminCode NoticeBoard,
    ClaimStatus Status,
    ClaimFiling Filing,
    DateOnly FiledOn,
    DateOnly OldestUnpaidDueDate,
    CountyPolicy Policy,
    int RepaymentsAtFiling,
    ClaimLoss Loss,
    IReadOnlyList<ClaimEvent> History,
    NoticePeriod? Notice,
    IReadOnlyList<ClaimObjection> Objections,
    IReadOnlyList<VerificationFinding> Findings,
    string? RejectionReason,
    string? ApprovalDocument,
    ClaimLoss? ApprovedLoss,
    RiskShares? Shares,
    Money PaidFromFund,
    Money OwedByCountyBudget,
    DateOnly? CompensatedOn,
    IReadOnlyList<ClaimRecovery> Recoveries)
{
    /// <summary>The filing bank, which lent the loan.</summary>
    public string BankCode => Filing.BankCode;

    /// <summary>Days the loan was overdue when the claim was filed.</summary>
    public int DaysPastDueAtFiling => OverdueAging.DaysPastDue(OldestUnpaidDueDate, FiledOn);

    /// <summary>Whether an objection awaits the county's resolution.</summary>
    public bool ObjectionOpen => Objections.Any(objection => objection.Status == ObjectionStatus.Open);

    /// <summary>Everything recovered after compensation.</summary>
    public Money Recovered => Money.Sum(Recoveries.Select(recovery => recovery.Amount));

    /// <summary>What each side got back of <see cref="Recovered"/>.</summary>
    public RiskShares RecoveredShares => Recoveries.Aggregate(RiskShares.None, (sum, recovery) => sum + recovery.Shares);

    /// <summary>Grows with every step, so a reader can tell a newer copy of the claim from an older one.</summary>
    public int Version => History.Count;
}
