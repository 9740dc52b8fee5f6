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
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Serialization;

namespace Microfinance.Grains.Compensation;

/// <inheritdoc cref="ICompensationClaimGrain"/>
/// <remarks>
/// Load, let the domain's <see cref="CompensationClaim"/> decide, write once, then deliver what the
/// write owes others: the county's register and stream hear of every step (<see cref="ChangeAsync"/>).
/// The payout crosses grains without a transaction: the claim first records its approval as the
/// durable intent <see cref="ClaimStatus.Approving"/>, then asks the fund to pay, which is idempotent
/// by loan id; a claim activated in that status drives the payout to completion. Recoveries are
/// recorded first and credited to the fund after, the same way.
/// </remarks>
public sealed class CompensationClaimGrain(
    [PersistentState("compensationclaim", GrainStorage.Name)] IPersistentState<CompensationClaimState> state,
    BusinessClock clock,
    Serializer serializer) : Grain, ICompensationClaimGrain
{
    private string LoanId => this.GetPrimaryKeyString();

    /// <summary>Today's business date in the claim's county.</summary>
    private DateOnly Today => clock.TodayIn(Require().County);

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
        var request = Fingerprint(nameof(FileAsync), filing, actor);
        if (state.State.Claim is { } existing)
        {
            return state.State.Requests.IsReplay(requestId, request, "claim")
                ? existing
                : throw new AlreadyExistsException("CLAIM_ALREADY_FILED", $"Loan {LoanId} already has a compensation claim.");
        }

        var loan = await Loan().GetLoanAsync();
        return await ChangeAsync(CompensationClaim.File(loan, filing, clock.TodayIn(loan.County), By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> PostNoticeAsync(string actor, string requestId)
    {
        var request = Fingerprint(nameof(PostNoticeAsync), actor);
        return Repeated(requestId, request) ?? await ChangeAsync(Require().PostNotice(Today, By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> RaiseObjectionAsync(string objector, string content, string actor, string requestId)
    {
        var request = Fingerprint(nameof(RaiseObjectionAsync), objector, content, actor);
        return Repeated(requestId, request)
            ?? await ChangeAsync(Require().RaiseObjection(objector, content, Today, By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> ResolveObjectionAsync(int number, bool upheld, string resolution, string actor, string requestId)
    {
        var request = Fingerprint(nameof(ResolveObjectionAsync), number, upheld, resolution, actor);
        return Repeated(requestId, request)
            ?? await ChangeAsync(Require().ResolveObjection(number, upheld, resolution, By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> SignOffAsync(bool endorsed, string opinion, string actor, string requestId)
    {
        var request = Fingerprint(nameof(SignOffAsync), endorsed, opinion, actor);
        return Repeated(requestId, request) ?? await ChangeAsync(Require().SignOffAtTownship(endorsed, opinion, By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> WithdrawAsync(string reason, string actor, string requestId)
    {
        var request = Fingerprint(nameof(WithdrawAsync), reason, actor);
        return Repeated(requestId, request) ?? await ChangeAsync(Require().Withdraw(reason, By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> SettleShortfallAsync(DateOnly paidOn, string document, string actor, string requestId)
    {
        var request = Fingerprint(nameof(SettleShortfallAsync), paidOn, document, actor);
        return Repeated(requestId, request)
            ?? await ChangeAsync(Require().SettleShortfall(paidOn, document, Today, By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> VerifyAsync(IReadOnlyList<VerificationFinding> findings, string note, string actor, string requestId)
    {
        // As an array: the same findings in a list or an array are the same request.
        var request = Fingerprint(nameof(VerifyAsync), findings.ToArray(), note, actor);
        return Repeated(requestId, request) ?? await ChangeAsync(Require().Verify(findings, note, Today, By(actor, requestId)), request);
    }

    public async Task<CompensationClaim> ApproveAsync(string approvalDocument, string actor, string requestId)
    {
        var claim = Require();
        var request = Fingerprint(nameof(ApproveAsync), approvalDocument, actor);
        if (Repeated(requestId, request) is { } repeated)
        {
            return repeated;
        }

        var loan = await Loan().GetLoanAsync();
        var approved = claim.Approve(approvalDocument, loan, Today, By(actor, requestId));

        // The fund releases the headroom the loan's outstanding fund-backed principal held.
        state.State.PayoutBackedPrincipal = loan.Contribution?.FundBacked ?? Money.Zero;
        await ChangeAsync(approved, request);
        return await CompletePayoutAsync();
    }

    public async Task<CompensationClaim> RecordRecoveryAsync(DateOnly recoveredOn, Money amount, bool throughLitigation, string note, string actor, string requestId)
    {
        var claim = Require();
        var request = Fingerprint(nameof(RecordRecoveryAsync), recoveredOn, amount, throughLitigation, note, actor);
        if (Repeated(requestId, request) is { } repeated)
        {
            return repeated;
        }

        await ChangeAsync(claim.RecordRecovery(recoveredOn, amount, throughLitigation, note, Today, By(actor, requestId)), request);
        await OrDeactivateAsync(CreditRecoveriesAsync);
        return Require();
    }

    public Task<CompensationClaim> GetAsync() => Task.FromResult(Require());

    /// <summary>
    /// The one place a claim changes: it is stored with the request that changed it, the county's
    /// register hears of it, and its stream carries the step.
    /// </summary>
    /// <param name="request">What the caller's request asked for; none for a step the platform takes itself.</param>
    private async Task<CompensationClaim> ChangeAsync(CompensationClaim claim, RequestFingerprint request = default)
    {
        var step = claim.History[^1];
        state.State.Claim = claim;
        state.State.Requests.Record(step.RequestId, request);

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
            step.Action,
            claim.Status,
            (claim.ApprovedLoss ?? claim.Loss).Total,
            claim.PaidFromFund,
            claim.OwedByCountyBudget,
            claim.Recovered,
            step.Note));
        return claim;
    }

    /// <summary>
    /// The fund pays its share; then the loan leaves the overdue books and refuses repayments (the
    /// fund no longer backs it, so a repayment must not free fund headroom a second time); then the
    /// claim records what the fund paid and what the county budget owes.
    /// </summary>
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
        var compensated = claim.Compensate(payout.PaidFromFund, payout.OwedByCountyBudget, Today, clock.Now);
        await OrDeactivateAsync(() => Loan().MarkCompensatedAsync(Today, $"{claim.ApprovalDocument}; {compensated.History[^1].Note}"));
        return await ChangeAsync(compensated);
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

    /// <summary>The claim as it stands after <paramref name="requestId"/>, if that request was applied already.</summary>
    private CompensationClaim? Repeated(string requestId, RequestFingerprint request)
    {
        var claim = Require();
        return state.State.Requests.IsReplay(requestId, request, "claim") ? claim : null;
    }

    private RequestFingerprint Fingerprint(params ReadOnlySpan<object?> parts) => RequestFingerprint.Of(serializer, parts);

    private LoanRequest By(string actor, string requestId) => new(actor, requestId, clock.Now);

    private ILoanGrain Loan() => GrainFactory.Get<ILoanGrain>(LoanId);

    private IFundAccountGrain Fund(CompensationClaim claim) =>
        GrainFactory.Get<IFundAccountGrain>(FundAccountId.For(claim.County, claim.BankCode));

    private CompensationClaim Require() =>
        state.State.Claim ?? throw new NotFoundException("CLAIM_NOT_FOUND", $"Loan {LoanId} has no compensation claim.");
}
