using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// A compensation claim on one loan (风险补偿, 第十九～二十六条), with its audit trail. There is at most
/// one per loan. Each step is a method that returns the claim after it, its entry added to the
/// trail, or throws the rule that refused it: filed by the lending bank, its notice posted on the
/// borrower's board, objections heard, signed off by the township, verified by the county offices,
/// approved by the leading group, paid by the fund (and any shortfall by the county budget), and
/// recoveries shared back after. The bank may withdraw it until approval.
/// </summary>
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

    /// <summary>Whether the township's station has endorsed the claim (第二十四条).</summary>
    public bool SignedOffByTownship => History.Any(step => step.Action == ClaimAction.TownshipSignedOff);

    /// <summary>The shortfall the county budget has paid (第二十六条): all of it once settled, nothing before.</summary>
    public Money SettledByCountyBudget =>
        History.Any(step => step.Action == ClaimAction.ShortfallSettled) ? OwedByCountyBudget : Money.Zero;

    /// <summary>Grows with every step, so a reader can tell a newer copy of the claim from an older one.</summary>
    public int Version => History.Count;

    /// <summary>
    /// The lending bank files for a disbursed loan in arrears with its collection record: filed only
    /// when the policy's overdue days have passed and the bank pursued the borrower (第十九～二十条),
    /// the loss of principal and interest (本息损失, 第十三条) assessed as of today.
    /// </summary>
    public static CompensationClaim File(Loan loan, ClaimFiling filing, DateOnly today, LoanRequest request)
    {
        if (loan.Application.BankCode != filing.BankCode)
        {
            throw new RuleViolationException(
                "NOT_THE_LENDING_BANK", $"Loan {loan.Id} was lent by {loan.Application.BankCode}; only that bank may claim for it.");
        }

        if (loan.Stage == LoanStage.Closed)
        {
            throw new RuleViolationException("LOAN_CLOSED", $"Loan {loan.Id} is fully repaid (结清); nothing was lost.");
        }

        if (loan is not { Stage: LoanStage.Disbursed, Approval: { } approval, Account: { } account })
        {
            throw new RuleViolationException("LOAN_NOT_DISBURSED", $"Loan {loan.Id} is at stage {loan.Stage}; only a disbursed loan can be lost.");
        }

        var oldestUnpaid = account.Balance.OldestUnpaidDueDate(account.Schedule, today);
        ClaimEligibility.CheckFiling(approval.Policy, oldestUnpaid, today, filing.Dunning);
        var loss = new ClaimLoss(account.Balance.Principal, account.Balance.InterestDueOn(approval.Rate, today), approval.FundBacked);
        ClaimEligibility.CheckCompensable(loss, filing.Insurance);

        var claim = new CompensationClaim(
            loan.Id,
            loan.County,
            loan.Application.Borrower,
            loan.Village ?? loan.Township,
            ClaimStatus.Filed,
            filing,
            today,
            oldestUnpaid!.Value,
            approval.Policy,
            account.Repayments.Count,
            loss,
            History: [],
            Notice: null,
            Objections: [],
            Findings: [],
            RejectionReason: null,
            ApprovalDocument: null,
            ApprovedLoss: null,
            Shares: null,
            PaidFromFund: Money.Zero,
            OwedByCountyBudget: Money.Zero,
            CompensatedOn: null,
            Recoveries: []);
        return claim.Log(ClaimAction.Filed, $"{filing.Cause}, {claim.DaysPastDueAtFiling} days overdue, {loss.Total} lost", request);
    }

    /// <summary>The notice goes up on the borrower's board for the policy's days (第二十条 (二)).</summary>
    public CompensationClaim PostNotice(DateOnly today, LoanRequest request)
    {
        ClaimLifecycle.EnsureNoticeCanBePosted(Status);
        var notice = new NoticePeriod(today, Policy.PublicNoticeDays);
        return (this with { Status = ClaimStatus.UnderNotice, Notice = notice }).Log(
            ClaimAction.NoticePosted,
            $"posted on the board of {NoticeBoard} from {notice.PostedOn:yyyy-MM-dd} through {notice.EndsOn.AddDays(-1):yyyy-MM-dd}",
            request);
    }

    /// <summary>Anyone may object while the notice stands.</summary>
    public CompensationClaim RaiseObjection(string objector, string content, DateOnly today, LoanRequest request)
    {
        ClaimLifecycle.EnsureObjectionCanBeRaised(Status, Notice, today);
        var objection = new ClaimObjection(Objections.Count + 1, objector, content, today, ObjectionStatus.Open, null, null, null, request.RequestId);
        return (this with { Objections = [.. Objections, objection] }).Log(
            ClaimAction.ObjectionRaised, $"objection {objection.Number} by {objector}: {content}", request);
    }

    /// <summary>
    /// The county resolves an objection. 第二十条 (三) takes on only claims "公示无异议": an objection
    /// upheld ends the claim.
    /// </summary>
    public CompensationClaim ResolveObjection(int number, bool upheld, string resolution, LoanRequest request)
    {
        ClaimLifecycle.EnsureObjectionCanBeResolved(Status);
        var objection = Objections.FirstOrDefault(o => o.Number == number)
            ?? throw new NotFoundException("OBJECTION_NOT_FOUND", $"The claim on loan {LoanId} has no objection {number}.");
        if (objection.Status != ObjectionStatus.Open)
        {
            throw new RuleViolationException("OBJECTION_ALREADY_RESOLVED", $"Objection {number} was already resolved ({objection.Status}).");
        }

        var resolved = objection with
        {
            Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed,
            Resolution = resolution,
            ResolvedBy = request.Actor,
            ResolvedAt = request.At,
        };
        var next = this with { Objections = [.. Objections.Select(o => o.Number == number ? resolved : o)] };
        if (upheld)
        {
            next = next with { Status = ClaimStatus.Rejected, RejectionReason = "OBJECTION_UPHELD" };
        }

        return next.Log(upheld ? ClaimAction.ObjectionUpheld : ClaimAction.ObjectionDismissed, $"objection {number}: {resolution}", request);
    }

    /// <summary>
    /// 第二十四条: the township's poverty-alleviation station checks the claim ("核准、签署意见") and
    /// reports it on to the county with the bank. Not endorsed, the claim ends there.
    /// </summary>
    public CompensationClaim SignOffAtTownship(bool endorsed, string opinion, LoanRequest request)
    {
        ClaimLifecycle.EnsureTownshipCanSignOff(Status, SignedOffByTownship);
        return endorsed
            ? Log(ClaimAction.TownshipSignedOff, opinion, request)
            : (this with { Status = ClaimStatus.Rejected, RejectionReason = "TOWNSHIP_NOT_ENDORSED" }).Log(
                ClaimAction.Rejected, $"the township did not endorse the claim: {opinion}", request);
    }

    /// <summary>The bank withdraws its claim before the leading group approves it, e.g. when the borrower pays after all.</summary>
    public CompensationClaim Withdraw(string reason, LoanRequest request)
    {
        ClaimLifecycle.EnsureWithdrawable(Status);
        return (this with { Status = ClaimStatus.Withdrawn }).Log(ClaimAction.Withdrawn, reason, request);
    }

    /// <summary>After the notice, without an open objection and once the township signed off, the county offices verify: any finding rejects the claim.</summary>
    public CompensationClaim Verify(IReadOnlyList<VerificationFinding> findings, string note, DateOnly today, LoanRequest request)
    {
        ClaimLifecycle.EnsureVerifiable(Status, Notice, ObjectionOpen, SignedOffByTownship, today);
        var reason = ClaimVerification.RejectionReason(findings);
        var next = this with
        {
            Status = reason is null ? ClaimStatus.Verified : ClaimStatus.Rejected,
            Findings = [.. findings.Distinct().Order()],
            RejectionReason = reason,
        };
        return next.Log(
            reason is null ? ClaimAction.Verified : ClaimAction.Rejected,
            reason is null ? note : $"{string.Join(", ", next.Findings.Select(ClaimVerification.Reason))}: {note}",
            request);
    }

    /// <summary>
    /// The leading group approves on its document: the loss less what the borrower paid since filing,
    /// shared between fund, bank and insurer. The claim is Approving until the fund has paid.
    /// </summary>
    public CompensationClaim Approve(string approvalDocument, Loan loan, DateOnly today, LoanRequest request)
    {
        ClaimLifecycle.EnsureApprovable(Status, Notice, ObjectionOpen, SignedOffByTownship, today);
        var repaidSinceFiling = Money.Sum((loan.Account?.Repayments ?? [])
            .Where(repayment => repayment.Sequence > RepaymentsAtFiling)
            .Select(repayment => repayment.Amount));
        var approved = repaidSinceFiling.IsZero ? Loss : Loss.LessRepaid(repaidSinceFiling);
        var shares = LossSharing.Split(approved, Policy.FundSharePercent, Filing.Insurance);
        return (this with { Status = ClaimStatus.Approving, ApprovalDocument = approvalDocument, ApprovedLoss = approved, Shares = shares }).Log(
            ClaimAction.Approved,
            $"approved on {approvalDocument}: {approved.Total} lost; fund {shares.Fund}, bank {shares.Bank}, insurer {shares.Insurer}",
            request);
    }

    /// <summary>
    /// The fund paid its share out of its balance; what it could not pay the county budget owes
    /// (第二十六条).
    /// </summary>
    public CompensationClaim Compensate(Money paidFromFund, Money owedByCountyBudget, DateOnly today, DateTimeOffset at)
    {
        if (Status != ClaimStatus.Approving)
        {
            throw new RuleViolationException("CLAIM_STAGE_INVALID", $"A claim at status {Status} does not accept a payout.");
        }

        var note = owedByCountyBudget.IsPositive
            ? $"fund paid {paidFromFund}; {owedByCountyBudget} owed by the county budget (第二十六条)"
            : $"fund paid {paidFromFund}";
        return (this with
        {
            Status = ClaimStatus.Compensated,
            PaidFromFund = paidFromFund,
            OwedByCountyBudget = owedByCountyBudget,
            CompensatedOn = today,
        }).Log(ClaimAction.Compensated, note, LoanRequest.Platform(at));
    }

    /// <summary>
    /// 第二十六条: the county budget pays the fund share the fund could not ("超过部分由县财政…另行安排
    /// 资金解决"). Recorded on its own, with the budget's document, after which the shortfall stands
    /// settled; the fund's ledger does not move, as the money goes from the budget to the bank.
    /// </summary>
    public CompensationClaim SettleShortfall(DateOnly paidOn, string document, DateOnly today, LoanRequest request)
    {
        if (Status != ClaimStatus.Compensated || !OwedByCountyBudget.IsPositive)
        {
            throw new RuleViolationException(
                "NO_SHORTFALL", $"The claim on loan {LoanId} leaves nothing owed by the county budget; there is no shortfall to settle.");
        }

        if (SettledByCountyBudget.IsPositive)
        {
            throw new RuleViolationException("SHORTFALL_ALREADY_SETTLED", $"The county budget has already paid the {OwedByCountyBudget} shortfall.");
        }

        if (paidOn > today)
        {
            throw new RuleViolationException(
                "DATE_IN_FUTURE", $"A payment dated {paidOn:yyyy-MM-dd} is after today's business date {today:yyyy-MM-dd}.");
        }

        if (paidOn < CompensatedOn)
        {
            throw new RuleViolationException(
                "SHORTFALL_PAID_BEFORE_COMPENSATION", $"The fund paid on {CompensatedOn:yyyy-MM-dd}; the shortfall it left cannot be paid before, on {paidOn:yyyy-MM-dd}.");
        }

        return Log(ClaimAction.ShortfallSettled, $"{OwedByCountyBudget} paid by the county budget on {paidOn:yyyy-MM-dd} ({document})", request);
    }

    /// <summary>
    /// Money collected after compensation is shared back in proportion to what each side bore; what
    /// a suit against a borrower who maliciously evaded the debt recovers goes back to the fund
    /// account whole (第二十三条). Collected before compensation, it was a repayment of the loan.
    /// </summary>
    public CompensationClaim RecordRecovery(DateOnly recoveredOn, Money amount, bool throughLitigation, string note, DateOnly today, LoanRequest request)
    {
        ClaimLifecycle.EnsureRecoverable(Status);
        if (recoveredOn > today)
        {
            throw new RuleViolationException(
                "DATE_IN_FUTURE", $"A recovery dated {recoveredOn:yyyy-MM-dd} is after today's business date {today:yyyy-MM-dd}.");
        }

        if (recoveredOn < CompensatedOn)
        {
            throw new RuleViolationException(
                "RECOVERY_BEFORE_COMPENSATION",
                $"The loan was compensated on {CompensatedOn:yyyy-MM-dd}; money collected on {recoveredOn:yyyy-MM-dd} is a repayment of the loan.");
        }

        var shares = RecoverySharing.Split(Shares!, Recoveries, amount, throughLitigation);
        var recovery = new ClaimRecovery(Recoveries.Count + 1, recoveredOn, amount, shares, note, request.Actor, request.At, request.RequestId, throughLitigation);
        var how = throughLitigation ? " through litigation" : "";
        return (this with { Recoveries = [.. Recoveries, recovery] }).Log(
            ClaimAction.RecoveryRecorded,
            $"{amount} recovered{how} on {recoveredOn:yyyy-MM-dd}: fund {shares.Fund}, bank {shares.Bank}, insurer {shares.Insurer}",
            request);
    }

    private CompensationClaim Log(ClaimAction action, string note, LoanRequest request) =>
        this with { History = [.. History, new ClaimEvent(action, request.Actor, request.At, request.RequestId, note)] };
}
