using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;

namespace Microfinance.Grains.Compensation;

/// <inheritdoc cref="ICompensationClaimGrain"/>
/// <remarks>
/// Every step changes the claim in one place (<see cref="ChangeAsync"/>), which also reports it to
/// the county's register and publishes it on the county's stream. The payout crosses grains without a transaction: the claim first records
/// its approval as the durable intent <see cref="ClaimStatus.Approving"/>, then asks the fund to
/// pay, which is idempotent by loan id; a claim activated in that status drives the payout to
/// completion. Recoveries are recorded first and credited to the fund after, the same way.
/// </remarks>
public sealed class CompensationClaimGrain(
    [PersistentState("compensationclaim", GrainStorage.Name)] IPersistentState<CompensationClaimState> state,
    BusinessClock clock) : Grain, ICompensationClaimGrain
{
    private const string System = "system";

    private string LoanId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Claim is not { } claim)
        {
            return;
        }

        if (claim.Status == ClaimStatus.Approving)
        {
            await CompletePayoutAsync();
        }

        await CreditRecoveriesAsync();

        // A step whose report to the register failed is reported now.
        await RegisterAsync(Require());
    }

    public async Task<CompensationClaim> FileAsync(ClaimFiling filing, string actor, string requestId)
    {
        if (state.State.Claim is { } existing)
        {
            return state.State.Requests.Contains(requestId)
                ? existing
                : throw new AlreadyExistsException("CLAIM_ALREADY_FILED", $"Loan {LoanId} already has a compensation claim.");
        }

        var loan = await Loan().GetAsync();
        EnsureClaimable(loan, filing.BankCode);
        var today = clock.Today;
        var balance = loan.Balance!;
        var oldestUnpaid = balance.OldestUnpaidDueDate(Instalments(loan), today);
        var policy = loan.Policy!;
        ClaimEligibility.CheckFiling(policy, oldestUnpaid, today, filing.Dunning);

        // 第十三条: the fund answers for the loss of principal and interest (本息损失), assessed as of filing.
        var loss = new ClaimLoss(balance.Principal, balance.InterestDueOn(loan.ContractRate!.Value, today), loan.FundBacked);
        ClaimEligibility.CheckCompensable(loss, filing.Insurance);

        var claim = new CompensationClaim(
            LoanId,
            loan.County,
            loan.Application.Borrower,
            loan.Village ?? loan.Application.LegalPerson!.Township,
            ClaimStatus.Filed,
            filing,
            today,
            oldestUnpaid!.Value,
            policy,
            loan.Repayments?.Count ?? 0,
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
        return await ChangeAsync(
            claim, ClaimAction.Filed, actor, requestId, $"{filing.Cause}, {claim.DaysPastDueAtFiling} days overdue, {loss.Total} lost");
    }

    public async Task<CompensationClaim> PostNoticeAsync(string actor, string requestId)
    {
        var claim = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return claim;
        }

        ClaimLifecycle.EnsureNoticeCanBePosted(claim.Status);
        var notice = new NoticePeriod(clock.Today, claim.Policy.PublicNoticeDays);
        return await ChangeAsync(
            claim with { Status = ClaimStatus.UnderNotice, Notice = notice },
            ClaimAction.NoticePosted,
            actor,
            requestId,
            $"posted on the board of {claim.NoticeBoard} from {notice.PostedOn:yyyy-MM-dd} through {notice.EndsOn.AddDays(-1):yyyy-MM-dd}");
    }

    public async Task<CompensationClaim> RaiseObjectionAsync(string objector, string content, string actor, string requestId)
    {
        var claim = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return claim;
        }

        var today = clock.Today;
        ClaimLifecycle.EnsureObjectionCanBeRaised(claim.Status, claim.Notice, today);
        var objection = new ClaimObjection(
            claim.Objections.Count + 1, objector, content, today, ObjectionStatus.Open, null, null, null, requestId);
        return await ChangeAsync(
            claim with { Objections = [.. claim.Objections, objection] },
            ClaimAction.ObjectionRaised,
            actor,
            requestId,
            $"objection {objection.Number} by {objector}: {content}");
    }

    public async Task<CompensationClaim> ResolveObjectionAsync(int number, bool upheld, string resolution, string actor, string requestId)
    {
        var claim = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return claim;
        }

        ClaimLifecycle.EnsureObjectionCanBeResolved(claim.Status);
        var objection = claim.Objections.FirstOrDefault(o => o.Number == number)
            ?? throw new NotFoundException("OBJECTION_NOT_FOUND", $"The claim on loan {LoanId} has no objection {number}.");
        if (objection.Status != ObjectionStatus.Open)
        {
            throw new RuleViolationException(
                "OBJECTION_ALREADY_RESOLVED", $"Objection {number} was already resolved ({objection.Status}).");
        }

        var resolved = objection with
        {
            Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed,
            Resolution = resolution,
            ResolvedBy = actor,
            ResolvedAt = clock.Now,
        };
        var next = claim with { Objections = [.. claim.Objections.Select(o => o.Number == number ? resolved : o)] };

        // 第二十条 (三) takes on only claims "公示无异议": a valid objection ends the claim.
        if (upheld)
        {
            next = next with { Status = ClaimStatus.Rejected, RejectionReason = "OBJECTION_UPHELD" };
        }

        return await ChangeAsync(
            next,
            upheld ? ClaimAction.ObjectionUpheld : ClaimAction.ObjectionDismissed,
            actor,
            requestId,
            $"objection {number}: {resolution}");
    }

    public async Task<CompensationClaim> VerifyAsync(IReadOnlyList<VerificationFinding> findings, string note, string actor, string requestId)
    {
        var claim = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return claim;
        }

        ClaimLifecycle.EnsureVerifiable(claim.Status, claim.Notice, claim.ObjectionOpen, clock.Today);
        var reason = ClaimVerification.RejectionReason(findings);
        var next = claim with
        {
            Status = reason is null ? ClaimStatus.Verified : ClaimStatus.Rejected,
            Findings = [.. findings.Distinct().Order()],
            RejectionReason = reason,
        };
        return await ChangeAsync(
            next,
            reason is null ? ClaimAction.Verified : ClaimAction.Rejected,
            actor,
            requestId,
            reason is null ? note : $"{string.Join(", ", next.Findings.Select(ClaimVerification.Reason))}: {note}");
    }

    public async Task<CompensationClaim> ApproveAsync(string approvalDocument, string actor, string requestId)
    {
        var claim = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return claim;
        }

        ClaimLifecycle.EnsureApprovable(claim.Status, claim.Notice, claim.ObjectionOpen, clock.Today);
        var loan = await Loan().GetAsync();

        // What the borrower paid since filing is no longer lost.
        var repaidSinceFiling = Money.Sum((loan.Repayments ?? [])
            .Where(repayment => repayment.Sequence > claim.RepaymentsAtFiling)
            .Select(repayment => repayment.Amount));
        var approved = repaidSinceFiling.IsZero ? claim.Loss : claim.Loss.LessRepaid(repaidSinceFiling);
        var shares = LossSharing.Split(approved, claim.Policy.FundSharePercent, claim.Filing.Insurance);

        state.State.PayoutBackedPrincipal = loan.Balance!.FundBacked(loan.FundBacked);
        await ChangeAsync(
            claim with { Status = ClaimStatus.Approving, ApprovalDocument = approvalDocument, ApprovedLoss = approved, Shares = shares },
            ClaimAction.Approved,
            actor,
            requestId,
            $"approved on {approvalDocument}: {approved.Total} lost; fund {shares.Fund}, bank {shares.Bank}, insurer {shares.Insurer}");
        return await CompletePayoutAsync();
    }

    public async Task<CompensationClaim> RecordRecoveryAsync(DateOnly recoveredOn, Money amount, string note, string actor, string requestId)
    {
        var claim = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return claim;
        }

        ClaimLifecycle.EnsureRecoverable(claim.Status);
        if (recoveredOn > clock.Today)
        {
            throw new RuleViolationException(
                "DATE_IN_FUTURE", $"A recovery dated {recoveredOn:yyyy-MM-dd} is after today's business date {clock.Today:yyyy-MM-dd}.");
        }

        if (recoveredOn < claim.CompensatedOn)
        {
            throw new RuleViolationException(
                "RECOVERY_BEFORE_COMPENSATION",
                $"The loan was compensated on {claim.CompensatedOn:yyyy-MM-dd}; money collected on {recoveredOn:yyyy-MM-dd} is a repayment of the loan.");
        }

        var shares = RecoverySharing.Split(claim.Shares!, claim.Recovered, amount);
        var recovery = new ClaimRecovery(claim.Recoveries.Count + 1, recoveredOn, amount, shares, note, actor, clock.Now, requestId);
        await ChangeAsync(
            claim with { Recoveries = [.. claim.Recoveries, recovery] },
            ClaimAction.RecoveryRecorded,
            actor,
            requestId,
            $"{amount} recovered on {recoveredOn:yyyy-MM-dd}: fund {shares.Fund}, bank {shares.Bank}, insurer {shares.Insurer}");
        await OrDeactivateAsync(CreditRecoveriesAsync);
        return Require();
    }

    public Task<CompensationClaim> GetAsync() => Task.FromResult(Require());

    /// <summary>
    /// The one place a claim changes: the step joins the audit trail, the claim is stored and the
    /// county's register hears of it.
    /// </summary>
    private async Task<CompensationClaim> ChangeAsync(CompensationClaim next, ClaimAction action, string actor, string requestId, string note)
    {
        var claim = next with { History = [.. next.History, new ClaimEvent(action, actor, clock.Now, requestId, note)] };
        state.State.Claim = claim;
        if (requestId.Length > 0)
        {
            state.State.Requests.Add(requestId);
        }

        await OrDeactivateAsync(async () =>
        {
            await state.WriteStateAsync();
            await RegisterAsync(claim);
        });
        await this.PublishAsync(new ClaimChanged(
            claim.County,
            clock.Now,
            LoanId,
            claim.NoticeBoard,
            claim.Filing.BankCode,
            action,
            claim.Status,
            (claim.ApprovedLoss ?? claim.Loss).Total,
            claim.PaidFromFund,
            claim.OwedByCountyBudget,
            claim.Recovered,
            note));
        return claim;
    }

    /// <summary>The fund pays its share; the claim records what it paid and what the county budget owes.</summary>
    private async Task<CompensationClaim> CompletePayoutAsync()
    {
        var claim = Require();
        var approval = claim.History.Last(e => e.Action == ClaimAction.Approved);
        var payout = await OrDeactivateAsync(() => Fund(claim).PayCompensationAsync(
            LoanId,
            claim.Shares!.Fund,
            state.State.PayoutBackedPrincipal,
            $"Compensation of loan {LoanId} on {claim.ApprovalDocument}",
            approval.Actor));
        var note = payout.OwedByCountyBudget.IsPositive
            ? $"fund paid {payout.PaidFromFund}; {payout.OwedByCountyBudget} owed by the county budget (第二十六条)"
            : $"fund paid {payout.PaidFromFund}";

        // The loan leaves the overdue books and refuses repayments: the fund no longer backs it, so a
        // repayment must not free fund headroom a second time.
        await OrDeactivateAsync(() => Loan().MarkCompensatedAsync(clock.Today, $"{claim.ApprovalDocument}; {note}"));
        return await ChangeAsync(
            claim with
            {
                Status = ClaimStatus.Compensated,
                PaidFromFund = payout.PaidFromFund,
                OwedByCountyBudget = payout.OwedByCountyBudget,
                CompensatedOn = clock.Today,
            },
            ClaimAction.Compensated,
            System,
            "",
            note);
    }

    /// <summary>Credits the fund's part of every recovery not yet credited (idempotent by recovery at the fund).</summary>
    private async Task CreditRecoveriesAsync()
    {
        var claim = Require();
        var pending = claim.Recoveries.Where(recovery => recovery.Sequence > state.State.RecoveriesCredited).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        foreach (var recovery in pending.Where(recovery => recovery.Shares.Fund.IsPositive))
        {
            await Fund(claim).RecordAsync(
                FundEntryKind.Recovery,
                recovery.Shares.Fund,
                $"Recovery {recovery.Sequence} on compensated loan {LoanId}",
                recovery.Actor,
                $"recovery:{LoanId}:{recovery.Sequence}");
        }

        state.State.RecoveriesCredited = pending[^1].Sequence;
        await state.WriteStateAsync();
    }

    private Task RegisterAsync(CompensationClaim claim) =>
        GrainFactory.Get<IClaimRegisterGrain>(claim.County.Value).RecordAsync(ClaimSummary.Of(claim));

    /// <summary>
    /// Runs work that follows a change made in memory. If it fails, the grain deactivates: the next
    /// activation reloads what is durable and finishes what was left (<see cref="OnActivateAsync"/>).
    /// </summary>
    private async Task<T> OrDeactivateAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private Task OrDeactivateAsync(Func<Task> work) => OrDeactivateAsync(async () =>
    {
        await work();
        return true;
    });

    private void EnsureClaimable(LoanRecord loan, string bankCode)
    {
        if (loan.Application.BankCode != bankCode)
        {
            throw new RuleViolationException(
                "NOT_THE_LENDING_BANK", $"Loan {LoanId} was lent by {loan.Application.BankCode}; only that bank may claim for it.");
        }

        if (loan.Stage == LoanStage.Closed)
        {
            throw new RuleViolationException("LOAN_CLOSED", $"Loan {LoanId} is fully repaid (结清); nothing was lost.");
        }

        if (loan is not { Stage: LoanStage.Disbursed, Balance: not null, Schedule: not null })
        {
            throw new RuleViolationException("LOAN_NOT_DISBURSED", $"Loan {LoanId} is at stage {loan.Stage}; only a disbursed loan can be lost.");
        }
    }

    private static List<ScheduledInstalment> Instalments(LoanRecord loan) =>
        [.. loan.Schedule!.Select(i => new ScheduledInstalment(i.Number, i.DueDate, i.PeriodStart, i.Principal, i.Interest))];

    private ILoanGrain Loan() => GrainFactory.Get<ILoanGrain>(LoanId);

    private IFundAccountGrain Fund(CompensationClaim claim) =>
        GrainFactory.Get<IFundAccountGrain>(FundAccountId.For(claim.County, claim.BankCode));

    private CompensationClaim Require() =>
        state.State.Claim ?? throw new NotFoundException("CLAIM_NOT_FOUND", $"Loan {LoanId} has no compensation claim.");
}
