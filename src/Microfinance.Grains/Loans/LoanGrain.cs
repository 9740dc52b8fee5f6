using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Orleans.Serialization;

namespace Microfinance.Grains.Loans;

/// <inheritdoc cref="ILoanGrain"/>
/// <remarks>
/// Load, let the domain's <see cref="Loan"/> decide, write once, then deliver the outbox the write
/// holds (<see cref="LoanState"/>). Consistency needs no distributed transaction: every call to the
/// grains that own the limits is idempotent by loan id. An approval reserves first and writes the
/// loan once: reservations expire a day after the approval would, so an approval interrupted before
/// its write holds them until then at most (and the bank's retry, finding them held, completes it).
/// A disbursement is written as Disbursing with its tally change; a loan activated in Disbursing
/// confirms its reservations, because the bank has already paid out.
/// </remarks>
public sealed class LoanGrain(
    [PersistentState("loan", GrainStorage.Name)] IPersistentState<LoanState> state,
    BusinessClock clock,
    Serializer serializer) : Grain, ILoanGrain, ILoanImportGrain, IIncomingGrainCallFilter
{
    /// <summary>Reservations outlive the approval by a day, so a disbursement in time always finds them.</summary>
    private static readonly TimeSpan ReservationGrace = TimeSpan.FromDays(1);

    /// <summary>Calls (or the finishing of interrupted work) running now: while any runs, the loan's standing is not settled.</summary>
    private int _stepsUnderWay;

    /// <summary>Finishing what the stored state shows interrupted (nothing, mostly); null until the first call, or after it failed.</summary>
    private Task? _finishing;

    /// <summary>The loan the state holds, once rebuilt from it.</summary>
    private Loan? _loan;

    private string LoanId => this.GetPrimaryKeyString();

    private Loan? Current => _loan ??= state.State.ToLoan();

    private LoanOutbox Outbox => new(GrainFactory, state.State);

    private LoanRecord View => state.State.Record!;

    /// <remarks>
    /// Calls no other grain: a holder asking for the loan's standing in the middle of its turn may be
    /// what activated it, and a call from here to that holder would wait for the turn that waits for
    /// the answer. What the stored state shows interrupted is finished by a timer right after, or
    /// before the first call, whichever comes first.
    /// </remarks>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (HasInterruptedWork())
        {
            this.RegisterGrainTimer(_ => RunStepAsync(() => Task.CompletedTask), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every call but the holders' question first finishes interrupted work, and counts as a step under way.</summary>
    Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext call) =>
        call.InterfaceMethod?.Name == nameof(GetStandingAsync) ? call.Invoke() : RunStepAsync(call.Invoke);

    public Task<LoanStanding?> GetStandingAsync()
    {
        var loan = Require();
        return Task.FromResult(_stepsUnderWay > 0
            ? null
            : new LoanStanding(
                loan.HasLapsed(clock.Now) ? LoanStage.Expired : loan.Stage,
                loan.Application.Borrower,
                loan.Principal,
                loan.Approval?.ExpiresAt + ReservationGrace,
                loan.Account?.Repayments.Count ?? 0));
    }

    public async Task<LoanRecord> ApplyAsync(LoanApplication application, string actor, string requestId)
    {
        var content = Fingerprint(nameof(ApplyAsync), application, actor);
        if (Current is not null)
        {
            return Repeated(requestId, content) ?? throw new AlreadyExistsException("LOAN_ALREADY_EXISTS", $"Loan {LoanId} already exists.");
        }

        var (county, village, today) = await new LoanApplicants(GrainFactory, clock).CheckAsync(application);
        await GrainFactory.Get<IFundAccountGrain>(FundAccountId.For(county, application.BankCode)).GetPositionAsync();
        if (application.LegalPerson is null)
        {
            await GrainFactory.Get<IHouseholdGrain>(application.Borrower).RecordApplicationAsync(LoanId);
        }

        return await SaveAsync(new(Loan.Apply(LoanId, application, county, village, today, By(actor, requestId)), null), requestId, content, "Applied");
    }

    public async Task<LoanRecord> ReviewAsync(LoanParty party, string actor, string note, string requestId)
    {
        var content = Fingerprint(nameof(ReviewAsync), party, note, actor);
        return Repeated(requestId, content)
            ?? await SaveAsync(new(Require().Review(party, note, By(actor, requestId)), null), requestId, content, "Reviewed");
    }

    public async Task<LoanRecord> ApproveAsync(InterestRate? contractRate, string actor, string requestId, RepaymentTerms? repaymentTerms = null)
    {
        var loan = Require();
        var content = Fingerprint(nameof(ApproveAsync), contractRate, repaymentTerms, actor);
        if (Repeated(requestId, content) is { } repeated)
        {
            return repeated;
        }

        loan.EnsureApprovable();
        var today = clock.TodayIn(loan.County);
        var terms = await GrainFactory.Get<ICountyPolicyGrain>(loan.County.Value).GetLendingTermsAsync(today);
        await new LoanApplicants(GrainFactory, clock).CheckAsync(loan.Application, terms);
        var policy = terms.Policy;
        var rate = loan.PriceFor(policy, today, contractRate);
        var expiresAt = clock.Now.AddDays(policy.ApprovalValidityDays);
        LoanHoldings held;
        try
        {
            held = await new LoanCommitments(GrainFactory, loan).ReserveAsync(policy, expiresAt + ReservationGrace);
        }
        catch (Exception failure)
        {
            await RollBackOrDeactivateAsync(failure is DomainException refusal
                ? $"approval refused: {refusal.Reason}"
                : "approval failed; reservations rolled back");
            throw;
        }

        var approval = new LoanApproval(policy, rate, repaymentTerms ?? RepaymentTerms.Default, held.FundBacked, held.WithinBaseCap, expiresAt, today, held.Charged);
        return await SaveAsync(new(loan.Approve(approval, By(actor, requestId)), null), requestId, content, "Approved");
    }

    public async Task<LoanRecord> RejectAsync(LoanParty party, string actor, string reason, string requestId)
    {
        var loan = await LapsedOrCurrentAsync();
        var content = Fingerprint(nameof(RejectAsync), party, reason, actor);
        return Repeated(requestId, content)
            ?? await EndAsync(loan, loan.Reject(party, reason, By(actor, requestId)), requestId, content, "Rejected");
    }

    public async Task<LoanRecord> WithdrawAsync(string actor, string reason, string requestId)
    {
        var loan = await LapsedOrCurrentAsync();
        var content = Fingerprint(nameof(WithdrawAsync), reason, actor);
        return Repeated(requestId, content) ?? await EndAsync(loan, loan.Withdraw(reason, By(actor, requestId)), requestId, content, "Withdrawn");
    }

    public async Task<LoanRecord> RecordDisbursementAsync(DateOnly disbursedOn, string actor, string requestId)
    {
        var loan = await LapsedOrCurrentAsync();
        var content = Fingerprint(nameof(RecordDisbursementAsync), disbursedOn, actor);
        if (Repeated(requestId, content) is not null)
        {
            // A retry after a failure half-way finishes what the first call began.
            await CatchUpDeferralsAsync();
            return View;
        }

        Record(loan.Disburse(disbursedOn, clock.TodayIn(loan.County), By(actor, requestId)), requestId, content);
        await state.WriteStateAsync();
        try
        {
            await DeliverAsync();
            await AnnounceDisbursedAsync();
            await CatchUpDeferralsAsync();
            await AgeAtOnceAsync();
        }
        catch
        {
            // The next activation delivers the outbox again, and completes the disbursement.
            DeactivateOnIdle();
            throw;
        }

        return View;
    }

    public async Task<LoanRecord> RecordRepaymentAsync(DateOnly paidOn, Money amount, string actor, string requestId)
    {
        var loan = Require();
        var content = Fingerprint(nameof(RecordRepaymentAsync), paidOn, amount, actor);
        if (Repeated(requestId, content) is { } repeated)
        {
            return repeated;
        }

        var step = loan.Repay(paidOn, amount, clock.TodayIn(loan.County), By(actor, requestId));
        await SaveAsync(step, requestId, content, step.Loan.Stage == LoanStage.Closed ? "Closed" : "Repaid", $"{amount} paid on {paidOn:yyyy-MM-dd}");
        LendingMeter.Repaid(loan.County, loan.Application.BankCode, amount);
        await AgeAtOnceAsync();
        return View;
    }

    public async Task<LoanRecord> ExtendAsync(int months, string rating, string actor, string requestId)
    {
        var content = Fingerprint(nameof(ExtendAsync), months, rating, actor);
        if (Repeated(requestId, content) is { } repeated)
        {
            return repeated;
        }

        var loan = Require();
        return await SaveAsync(loan.Extend(months, rating, clock.TodayIn(loan.County), By(actor, requestId)), requestId, content, "Extended");
    }

    public async Task<LoanRecord> RenewAsync(
        int termMonths, string rating, InterestRate? contractRate, string actor, string requestId, RepaymentTerms? repaymentTerms = null)
    {
        var loan = Require();
        var content = Fingerprint(nameof(RenewAsync), termMonths, rating, contractRate, repaymentTerms, actor);
        if (Repeated(requestId, content) is { } repeated)
        {
            return repeated;
        }

        var today = clock.TodayIn(loan.County);
        var policy = (await GrainFactory.Get<ICountyPolicyGrain>(loan.County.Value).GetLendingTermsAsync(today)).Policy;
        return await SaveAsync(loan.Renew(termMonths, rating, policy, contractRate, repaymentTerms, today, By(actor, requestId)), requestId, content, "Renewed");
    }

    public async Task<bool> DeferAsync(RepaymentDeferral deferral)
    {
        if (Current is not { Stage: LoanStage.Disbursed } loan)
        {
            return false;
        }

        if (loan.WasDeferredBy(deferral.Id))
        {
            return true;
        }

        if (!loan.HasDueDateWithin(deferral.From, deferral.Through))
        {
            return false;
        }

        var step = loan.Defer(
            deferral.Id, deferral.From, deferral.Through, deferral.Months, deferral.Reason, clock.TodayIn(loan.County), new LoanRequest(deferral.Actor, "", clock.Now));
        await SaveAsync(step, "", default, "Deferred");
        return true;
    }

    public async Task<LoanRecord> MarkCompensatedAsync(DateOnly compensatedOn, string note)
    {
        var loan = Require();
        return loan.Stage == LoanStage.Compensated
            ? View
            : await SaveAsync(new(loan.Compensate(compensatedOn, note, clock.Now), null), "", default, "Compensated");
    }

    public async Task<LoanDayResult> CloseDayAsync(DateOnly day)
    {
        if (state.State.LastVisitedDay == day && state.State.LastVisit is { } repeated)
        {
            return repeated;
        }

        if (Current is not { Stage: LoanStage.Disbursed } loan)
        {
            return new LoanDayResult(null, null);
        }

        // The books apply the change from the result; durable first, so a repeated visit returns the same numbered change.
        var step = loan.Age(day, clock.TodayIn(loan.County), clock.Now);
        var delta = Hold(step.Loan);
        var result = new LoanDayResult(delta, step.Visit);
        state.State.LastVisitedDay = day;
        state.State.LastVisit = result;
        if (step.Loan != loan)
        {
            await state.WriteStateAsync();
        }

        if (delta is not null)
        {
            await DeliverAsync();
            await AnnounceAsync("Aged");
        }

        return result;
    }

    public Task<LoanMaturities?> MaturitiesAsync(DateOnly today, int months)
    {
        if (Current is not { Stage: LoanStage.Disbursed, Account: { } account } || !account.Balance.Principal.IsPositive)
        {
            return Task.FromResult<LoanMaturities?>(null);
        }

        var maturities = PrincipalMaturities.Of(account.Schedule, account.Balance.Principal, today, months);
        return Task.FromResult<LoanMaturities?>(new LoanMaturities(maturities.Overdue, maturities.ByMonth, maturities.Later));
    }

    public Task<SubsidyLine> SubsidyForMonthAsync(int year, int month)
    {
        var loan = Require();
        var subsidy = loan.SubsidyForMonth(year, month, clock.TodayIn(loan.County));
        return Task.FromResult(new SubsidyLine(
            LoanId,
            loan.Application.Borrower,
            subsidy?.InterestAccrued ?? Money.Zero,
            subsidy?.SubsidisableInterest ?? Money.Zero,
            subsidy?.Subsidy ?? Money.Zero));
    }

    public async Task<LoanRecord> GetAsync()
    {
        await LapsedOrCurrentAsync();
        return View;
    }

    public async Task<Loan> GetLoanAsync() => await LapsedOrCurrentAsync();

    /// <summary>
    /// A loan of a bank's existing book taken over by the platform (存量贷款迁移): recorded as disbursed
    /// in one write, holding its first tally change and first visit until the importer has handed
    /// them to its loan-book page in bulk.
    /// </summary>
    public async Task<LoanImportOutcome> ImportAsync(ImportedLoan loan, string actor, string requestId)
    {
        var content = Fingerprint(nameof(ImportAsync), loan, actor);
        if (Current is { } existing)
        {
            return existing.Account is not null && state.State.Requests.IsReplay(requestId, content, "loan")
                ? ImportOutcome(existing)
                : throw new AlreadyExistsException("LOAN_ALREADY_EXISTS", $"Loan {LoanId} already exists.");
        }

        var today = clock.TodayIn(loan.Village.County);
        var (application, approval) = await new LoanTakeOverCheck(GrainFactory).CheckAsync(loan, today);
        var step = Loan.TakeOver(
            LoanId, application, loan.Village, approval, loan.DisbursedOn, loan.Balance, loan.FirstMissedDueDate, today, By(actor, requestId));

        // The household cap and the fund take the principal as it stands now, so the repayment
        // that brought it there must not be taken off them again.
        Record(step, requestId, content);
        state.State.RepaymentsApplied = step.Loan.Account!.Repayments.Count;
        await state.WriteStateAsync();
        return ImportOutcome(step.Loan);
    }

    public async Task CompleteImportAsync(LoanImportOutcome outcome)
    {
        var delivered = outcome.Delta is { } delta && state.State.PendingDeltas.RemoveAll(d => d.Sequence == delta.Sequence) > 0;
        delivered |= outcome.FirstVisit is { } visit && state.State.PendingVisits.Remove(visit);
        if (delivered)
        {
            await state.WriteStateAsync();
        }

        // The rest of the outbox: a loan arriving over 90 days past due bars its household from borrowing again.
        await DeliverAsync();

        // Nothing happens to an imported loan until its first visit or repayment: a whole book
        // taken over at once must not stay in memory meanwhile.
        DeactivateOnIdle();
    }

    private LoanImportOutcome ImportOutcome(Loan loan) => new(
        LoanId,
        loan.Application.Borrower,
        loan.Principal,
        state.State.RepaymentsApplied,
        state.State.PendingDeltas.FirstOrDefault(d => d.Sequence == 1),
        state.State.PendingVisits.Count > 0 ? state.State.PendingVisits[0] : null,
        LoanOutbox.BookOf(loan));

    private async Task RunStepAsync(Func<Task> step)
    {
        _stepsUnderWay++;
        try
        {
            _finishing ??= HasInterruptedWork() ? FinishInterruptedWorkAsync() : Task.CompletedTask;
            try
            {
                await _finishing;
            }
            catch
            {
                // The next call tries again.
                _finishing = null;
                throw;
            }

            await step();
        }
        finally
        {
            _stepsUnderWay--;
        }
    }

    private bool HasInterruptedWork() =>
        Current is { } loan && (loan.Stage == LoanStage.Approving || Outbox.HoldsAnything(loan));

    /// <summary>An approval stored half-way is rolled back, and what the stored outbox holds is delivered.</summary>
    private async Task FinishInterruptedWorkAsync()
    {
        switch (Require().Stage)
        {
            case LoanStage.Approving:
                // Stored only by versions that wrote an intent before reserving.
                await RollBackApprovalAsync("approval interrupted; reservations rolled back");
                break;
            case LoanStage.Disbursing:
                await DeliverAsync();
                await state.WriteStateAsync();
                await AnnounceDisbursedAsync();
                break;
            default:
                await DeliverAsync();
                break;
        }
    }

    /// <summary>The loan, after letting a lapsed approval expire (and release what it held).</summary>
    private async Task<Loan> LapsedOrCurrentAsync()
    {
        var loan = Require();
        if (loan.HasLapsed(clock.Now))
        {
            await new LoanCommitments(GrainFactory, loan).ReleaseAsync();
            Hold(loan.Expire(clock.Now));
            await state.WriteStateAsync();
            await AnnounceAsync("Expired");
        }

        return Require();
    }

    /// <summary>Ends a loan before disbursement: what it holds is released first, then the end is written.</summary>
    private async Task<LoanRecord> EndAsync(Loan loan, Loan ended, string requestId, RequestFingerprint content, string change)
    {
        if (loan.HoldsReservations)
        {
            await new LoanCommitments(GrainFactory, loan).ReleaseAsync();
        }

        return await SaveAsync(new(ended, null), requestId, content, change);
    }

    private async Task RollBackOrDeactivateAsync(string note)
    {
        try
        {
            await RollBackApprovalAsync(note);
        }
        catch (Exception rollbackFailure) when (rollbackFailure is not DomainException)
        {
            // The caller gets the original failure; what stays reserved expires a day after the
            // approval would have, or a retry of the approval takes it over.
            DeactivateOnIdle();
        }
    }

    private async Task RollBackApprovalAsync(string note)
    {
        var loan = Require();
        await new LoanCommitments(GrainFactory, loan).ReleaseAsync();
        Hold(loan.RollBackApproval(note, clock.Now));
        await state.WriteStateAsync();
        await AnnounceAsync("ApprovalRolledBack");
    }

    /// <summary>
    /// A county's deferral reaches a loan disbursed after it was declared, when one of the loan's due
    /// dates falls in its window. The loan asks once its page of the loan book holds it: a deferral
    /// declared meanwhile is then either found here or finds the loan in the books, and applies once.
    /// </summary>
    private async Task CatchUpDeferralsAsync()
    {
        if (Current is not { Stage: LoanStage.Disbursed } loan)
        {
            return;
        }

        foreach (var deferral in await GrainFactory.Get<ICountyDeferralsGrain>(loan.County.Value).ListAsync())
        {
            await DeferAsync(deferral);
        }
    }

    /// <summary>
    /// A disbursement or repayment dated in the past changes the loan's standing now, not at the next
    /// close: the loan is judged as the close of yesterday judges every loan of the county, and a change
    /// reaches the tallies, the household and the county's lending stop at once. A change dated today
    /// usually moves nothing, and then writes nothing.
    /// </summary>
    private async Task AgeAtOnceAsync()
    {
        if (Current is not { Stage: LoanStage.Disbursed, Account: { } account } loan)
        {
            return;
        }

        var today = clock.TodayIn(loan.County);
        var step = loan.Age(today.AddDays(-1), today, clock.Now);
        if (step.Loan.Account is { } aged && (aged.Bucket, aged.FirstMissedDueDate) != (account.Bucket, account.FirstMissedDueDate))
        {
            await SaveAsync(step, "", default, "Aged");
        }
    }

    /// <summary>Records the step, writes the loan, delivers its outbox and tells the dashboards.</summary>
    /// <param name="content">What the request asked for; none for a step the platform takes itself (with no request id).</param>
    private async Task<LoanRecord> SaveAsync(LoanStep step, string requestId, RequestFingerprint content, string change, string? note = null)
    {
        Record(step, requestId, content);
        await state.WriteStateAsync();
        await DeliverAsync();
        await AnnounceAsync(change, note);
        return View;
    }

    /// <summary>Holds the loan after a step, with its request and what it owes the loan book in the outbox: not yet written.</summary>
    private void Record(LoanStep step, string requestId, RequestFingerprint content)
    {
        Outbox.Add(Hold(step.Loan), step.Visit);
        state.State.Requests.Record(requestId, content);
    }

    /// <summary>
    /// Holds <paramref name="loan"/> in the state, and numbers the change in what it adds to the
    /// tallies if there is one: the county applies each change once by its number.
    /// </summary>
    private LoanTallyDelta? Hold(Loan loan)
    {
        var before = state.State.Contribution;
        var delta = loan.Contribution == before
            ? null
            : new LoanTallyDelta(loan.Id, ++state.State.TallySequence, loan.Village, loan.Township, loan.Application.BankCode, before, loan.Contribution);
        state.State.Hold(loan);
        _loan = loan;
        return delta;
    }

    /// <summary>Delivers the loan's outbox (<see cref="LoanOutbox"/>); a Disbursing loan is Disbursed after, stored so with the next write.</summary>
    private async Task DeliverAsync()
    {
        var loan = Require();
        var delivered = await Outbox.DeliverAsync(loan);
        if (delivered != loan)
        {
            Hold(delivered);
        }
    }

    /// <summary>
    /// Tells the county's dashboards what the loan just did, once it is durable, with the note of the
    /// history entry it made (or <paramref name="note"/>).
    /// </summary>
    private Task AnnounceAsync(string change, string? note = null)
    {
        var loan = Require();
        return this.PublishAsync(new LoanChanged(
            loan.County,
            clock.Now,
            LoanId,
            loan.Village,
            loan.Township,
            loan.Application.BankCode,
            loan.Stage,
            loan.Account?.Balance.Principal ?? Money.Zero,
            loan.Stage == LoanStage.Disbursed ? loan.Account?.Bucket : null,
            change,
            note ?? loan.History[^1].Note,
            loan.Account?.DisbursedOn));
    }

    /// <summary>Tells the dashboards and the lending meter, once, that the loan's money went out.</summary>
    private Task AnnounceDisbursedAsync()
    {
        var loan = Require();
        LendingMeter.Disbursed(loan.County, loan.Application.BankCode, loan.Application.Amount);
        return AnnounceAsync("Disbursed");
    }

    /// <summary>The loan as it stands after <paramref name="requestId"/>, if that request was applied already.</summary>
    private LoanRecord? Repeated(string requestId, RequestFingerprint content)
    {
        Require();
        return state.State.Requests.IsReplay(requestId, content, "loan") ? View : null;
    }

    private RequestFingerprint Fingerprint(params ReadOnlySpan<object?> parts) => RequestFingerprint.Of(serializer, parts);

    private LoanRequest By(string actor, string requestId) => new(actor, requestId, clock.Now);

    private Loan Require() => Current ?? throw new NotFoundException("LOAN_NOT_FOUND", $"Loan {LoanId} does not exist.");
}
