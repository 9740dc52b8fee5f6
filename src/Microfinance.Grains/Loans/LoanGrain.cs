using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;

namespace Microfinance.Grains.Loans;

/// <inheritdoc cref="ILoanGrain"/>
/// <remarks>
/// Consistency without distributed transactions, every call to the grains that own the limits
/// idempotent by loan id. An approval reserves first and writes the loan once: reservations expire
/// a day after the approval would, so an approval interrupted before its write holds them until
/// then at most (and the bank's retry, finding them held, completes it). A disbursement writes its
/// intent (Disbursing) first; a loan activated in Disbursing drives it to completion, because the
/// bank has already paid out.
/// </remarks>
public sealed partial class LoanGrain(
    [PersistentState("loan", GrainStorage.Name)] IPersistentState<LoanState> state,
    BusinessClock clock) : Grain, ILoanGrain, IIncomingGrainCallFilter
{
    /// <summary>Reservations outlive the approval by a day, so a disbursement in time always finds them.</summary>
    private static readonly TimeSpan ReservationGrace = TimeSpan.FromDays(1);

    private const string System = "system";
    private const string DayClose = "日终";

    /// <summary>Calls (or the finishing of interrupted work) running now: while any runs, the loan's standing is not settled.</summary>
    private int _stepsUnderWay;

    /// <summary>Finishing what the stored state shows interrupted (nothing, mostly); null until the first call, or after it failed.</summary>
    private Task? _finishing;

    private string LoanId => this.GetPrimaryKeyString();

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
        if (_stepsUnderWay > 0)
        {
            return Task.FromResult<LoanStanding?>(null);
        }

        var stage = loan.Stage == LoanStage.Approved && clock.Now >= loan.ApprovalExpiresAt ? LoanStage.Expired : loan.Stage;
        return Task.FromResult<LoanStanding?>(new LoanStanding(
            stage,
            loan.Application.Borrower,
            loan.Balance?.Principal ?? loan.Application.Amount,
            loan.ApprovalExpiresAt + ReservationGrace,
            loan.Repayments?.Count ?? 0));
    }

    private async Task RunStepAsync(Func<Task> step)
    {
        _stepsUnderWay++;
        try
        {
            await FinishInterruptedWorkAsync();
            await step();
        }
        finally
        {
            _stepsUnderWay--;
        }
    }

    private async Task FinishInterruptedWorkAsync()
    {
        _finishing ??= HasInterruptedWork() ? FinishInterruptedWorkOnceAsync() : Task.CompletedTask;
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
    }

    /// <summary>An approval stored half-way is rolled back, and what the stored outbox holds is delivered.</summary>
    private async Task FinishInterruptedWorkOnceAsync()
    {
        switch (state.State.Record?.Stage)
        {
            case LoanStage.Approving:
                // Stored only by versions that wrote an intent before reserving.
                await RollBackApprovalAsync("approval interrupted; reservations rolled back");
                break;
            case LoanStage.Disbursing:
                await DeliverAsync();
                await state.WriteStateAsync();
                await AnnounceAsync("Disbursed");
                break;
            default:
                await DeliverAsync();
                break;
        }
    }

    /// <summary>
    /// Delivers the loan's outbox: what its stored state holds that the grains around it may not have
    /// heard. Tally changes and visits go to its loan-book page first (the fund counts the principal
    /// from there), then a disbursement's confirmations, then repayments to the household caps, then
    /// the household's standing. Every receiver recognises a redelivery, so after a restart the
    /// outbox is simply delivered again; what was delivered is forgotten with the loan's next write.
    /// </summary>
    private async Task DeliverAsync()
    {
        if (state.State.Record is null)
        {
            return;
        }

        await SendToLoanBookAsync();

        // The stored Disbursing record holds everything the disbursement changed: the stage becomes
        // Disbursed in memory once the reservations are confirmed, and is stored with the next write.
        if (Require().Stage == LoanStage.Disbursing)
        {
            await Commitments().ConfirmAsync();
            state.State.Record = Require() with { Stage = LoanStage.Disbursed };
        }

        await ApplyRepaymentsAsync();
        await ReportStandingToHouseholdAsync();
    }

    private bool HasInterruptedWork() =>
        state.State.Record is { } loan
        && (loan.Stage is LoanStage.Approving or LoanStage.Disbursing
            || (loan.Repayments ?? []).Any(r => r.Sequence > state.State.RepaymentsApplied)
            || state.State.PendingDeltas.Count > 0
            || state.State.PendingVisits.Count > 0
            || StandingToReport(loan) is not null);

    public async Task<LoanRecord> ApplyAsync(LoanApplication application, string actor, string requestId)
    {
        if (state.State.Record is { } existing)
        {
            return state.State.Requests.Contains(requestId)
                ? existing
                : throw new AlreadyExistsException("LOAN_ALREADY_EXISTS", $"Loan {LoanId} already exists.");
        }

        var today = clock.Today;
        var (county, village) = await new LoanApplicants(GrainFactory).CheckAsync(application, today);
        await GrainFactory.Get<IFundAccountGrain>(FundAccountId.For(county, application.BankCode)).GetPositionAsync();
        if (application.LegalPerson is null)
        {
            await GrainFactory.Get<IHouseholdGrain>(application.Borrower).RecordApplicationAsync(LoanId);
        }

        var applied = new LoanEvent(LoanStage.Applied, LoanParty.Borrower, actor, clock.Now, requestId, application.Purpose);
        state.State.Record = new LoanRecord(
            LoanId, application, county, village, LoanStage.Applied, today, null, null, Money.Zero, null, null, [applied]);
        return await SaveAsync(requestId, "Applied");
    }

    public async Task<LoanRecord> ReviewAsync(LoanParty party, string actor, string note, string requestId)
    {
        var loan = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        if (party == LoanParty.Bank)
        {
            throw new RuleViolationException("LOAN_STAGE_INVALID", "The bank decides with ApproveLoan, not a review.");
        }

        var next = LoanLifecycle.AfterReview(loan.Stage, party);
        state.State.Record = Advance(loan, next, party, actor, requestId, note);
        return await SaveAsync(requestId, "Reviewed");
    }

    public async Task<LoanRecord> ApproveAsync(InterestRate? contractRate, string actor, string requestId, RepaymentTerms? repaymentTerms = null)
    {
        var loan = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        LoanLifecycle.AfterReview(loan.Stage, LoanParty.Bank);
        var today = clock.Today;
        var terms = await TermsAsync(loan.County, today);
        await new LoanApplicants(GrainFactory).CheckAsync(loan.Application, today, terms);

        var policy = terms.Policy;
        var reference = InterestRateTable.Default.ReferenceRate(policy.InterestSource, today, loan.Application.TermMonths);
        var rate = contractRate ?? reference;
        RateRule.CheckContractRate(policy, reference, rate);

        var now = clock.Now;
        var expiresAt = now.AddDays(policy.ApprovalValidityDays);
        (Money FundBacked, Money WithinBaseCap) held;
        try
        {
            held = await Commitments().ReserveAsync(policy, expiresAt + ReservationGrace);
        }
        catch (Exception failure)
        {
            await RollBackOrDeactivateAsync(failure is DomainException refusal
                ? $"approval refused: {refusal.Reason}"
                : "approval failed; reservations rolled back");
            throw;
        }

        state.State.Record = Advance(loan, LoanStage.Approved, LoanParty.Bank, actor, requestId, $"rate {rate}") with
        {
            Policy = policy,
            ContractRate = rate,
            FundBacked = held.FundBacked,
            WithinBaseCap = held.WithinBaseCap,
            ApprovalExpiresAt = expiresAt,
            RepaymentTerms = repaymentTerms ?? RepaymentTerms.Default,
        };
        return await SaveAsync(requestId, "Approved");
    }

    public async Task<LoanRecord> RejectAsync(LoanParty party, string actor, string reason, string requestId)
    {
        var loan = await CurrentAsync();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        LoanLifecycle.EnsureRejectable(loan.Stage, party);
        await ReleaseHeldAsync(loan);
        state.State.Record = Advance(loan, LoanStage.Rejected, party, actor, requestId, reason);
        return await SaveAsync(requestId, "Rejected");
    }

    public async Task<LoanRecord> WithdrawAsync(string actor, string reason, string requestId)
    {
        var loan = await CurrentAsync();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        LoanLifecycle.EnsureWithdrawable(loan.Stage);
        await ReleaseHeldAsync(loan);
        state.State.Record = Advance(loan, LoanStage.Withdrawn, LoanParty.Borrower, actor, requestId, reason);
        return await SaveAsync(requestId, "Withdrawn");
    }

    public async Task<LoanRecord> RecordDisbursementAsync(DateOnly disbursedOn, string actor, string requestId)
    {
        var loan = await CurrentAsync();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        if (loan.Stage == LoanStage.Expired)
        {
            throw new RuleViolationException(
                "APPROVAL_EXPIRED", $"The approval of loan {LoanId} lapsed at {loan.ApprovalExpiresAt:u}; it must be approved again.");
        }

        LoanLifecycle.EnsureDisbursable(loan.Stage);
        EnsureNotInFuture(disbursedOn, "disbursement");

        // The history already says Disbursed: from here on the disbursement only goes forward.
        var schedule = ScheduleOf(loan, disbursedOn);
        state.State.Record = Advance(loan, LoanStage.Disbursed, LoanParty.Bank, actor, requestId, $"disbursed on {disbursedOn:yyyy-MM-dd}") with
        {
            Stage = LoanStage.Disbursing,
            DisbursedOn = disbursedOn,
            Balance = LoanBalance.Disbursed(loan.Application.Amount, disbursedOn),
            Repayments = [],
            Schedule = schedule,
        };
        state.State.PendingDeltas.Add(Report(ContributionOf(OverdueBucket.Current, Require().Balance!)));
        if (AgingEvents.NextEventDate(null, schedule.Select(i => i.DueDate), disbursedOn) is { } firstVisit)
        {
            state.State.PendingVisits.Add(firstVisit);
        }

        state.State.Requests.Add(requestId);
        await state.WriteStateAsync();
        try
        {
            await DeliverAsync();
            await AnnounceAsync("Disbursed");
        }
        catch
        {
            // The next activation delivers the outbox again, and completes the disbursement.
            DeactivateOnIdle();
            throw;
        }

        return Require();
    }

    public async Task<LoanRecord> GetAsync() => await CurrentAsync();

    /// <summary>The loan, after letting a lapsed approval expire (and release what it held).</summary>
    private async Task<LoanRecord> CurrentAsync()
    {
        var loan = Require();
        if (loan.Stage == LoanStage.Approved && clock.Now >= loan.ApprovalExpiresAt)
        {
            await ReleaseHeldAsync(loan);
            state.State.Record = Advance(loan, LoanStage.Expired, LoanParty.Bank, System, "", "approval lapsed before disbursement");
            await state.WriteStateAsync();
            await AnnounceAsync("Expired");
        }

        return Require();
    }

    private Task<LendingTerms> TermsAsync(AdminCode county, DateOnly today) =>
        GrainFactory.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(today);

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
        await Commitments().ReleaseAsync();
        state.State.Record = Advance(loan, LoanStage.CountyReviewed, LoanParty.Bank, System, "", note);
        await state.WriteStateAsync();
        await AnnounceAsync("ApprovalRolledBack");
    }

    /// <summary>The contract's schedule, on the repayment terms the bank approved.</summary>
    private static List<ScheduledInstalment> ScheduleOf(LoanRecord loan, DateOnly disbursedOn)
    {
        var terms = loan.RepaymentTerms ?? RepaymentTerms.Default;
        return RepaymentSchedule.Build(
                loan.Application.Amount,
                loan.ContractRate!.Value,
                disbursedOn,
                loan.Application.TermMonths,
                terms.InterestFrequency,
                terms.PrincipalRepayment)
            .Instalments
            .ToList();
    }

    private async Task ReleaseHeldAsync(LoanRecord loan)
    {
        if (LoanLifecycle.HoldsReservations(loan.Stage))
        {
            await Commitments().ReleaseAsync();
        }
    }

    private LoanCommitments Commitments() => new(GrainFactory, Require());

    private LoanRecord Advance(LoanRecord loan, LoanStage stage, LoanParty party, string actor, string requestId, string note) =>
        loan with
        {
            Stage = stage,
            History = [.. loan.History, new LoanEvent(stage, party, actor, clock.Now, requestId, note)],
        };

    /// <summary>Records the request, writes the loan, delivers its outbox and tells the dashboards.</summary>
    private async Task<LoanRecord> SaveAsync(string requestId, string change, string? note = null)
    {
        state.State.Requests.Add(requestId);
        await state.WriteStateAsync();
        await DeliverAsync();
        await AnnounceAsync(change, note);
        return Require();
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
            TownshipOf(loan),
            loan.Application.BankCode,
            loan.Stage,
            loan.Balance?.Principal ?? Money.Zero,
            loan.Stage == LoanStage.Disbursed ? state.State.Contribution?.Bucket : null,
            change,
            note ?? loan.History[^1].Note));
    }

    private static AdminCode TownshipOf(LoanRecord loan) => loan.Village?.Parent ?? loan.Application.LegalPerson!.Township;

    private LoanRecord Require() =>
        state.State.Record ?? throw new NotFoundException("LOAN_NOT_FOUND", $"Loan {LoanId} does not exist.");
}
