using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Loans;

/// <summary>
/// The loan after disbursement: repayments, its visits by day-close and its subsidy. Changes the
/// county's loan book must hear of are recorded in the loan's outbox first and sent after (<see cref="DeliverAsync"/>).
/// </summary>
public sealed partial class LoanGrain
{
    public async Task<LoanRecord> RecordRepaymentAsync(DateOnly paidOn, Money amount, string actor, string requestId)
    {
        var loan = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        LoanLifecycle.EnsureRepayable(loan.Stage);
        EnsureNotInFuture(paidOn, "repayment");
        var balance = loan.Balance!;
        var (after, allocation) = balance.Repay(amount, paidOn, loan.ContractRate!.Value);
        var repayments = loan.Repayments ?? [];
        var repayment = new Repayment(
            repayments.Count + 1,
            paidOn,
            amount,
            allocation.InterestPaid,
            allocation.PrincipalPaid,
            balance.FundBacked(loan.FundBacked) - after.FundBacked(loan.FundBacked),
            actor,
            clock.Now,
            requestId,
            allocation.InterestStillDue.IsZero);
        var repaid = allocation.ClosesLoan
            ? Advance(loan, LoanStage.Closed, LoanParty.Bank, actor, requestId, $"结清 on {paidOn:yyyy-MM-dd}")
            : loan;
        state.State.Record = repaid with { Balance = after, Repayments = [.. repayments, repayment] };

        // A repayment dated back may show a due date met after all, or one paid late.
        state.State.Record = Require() with { FirstMissedDueDate = FirstMissed(Require(), clock.Today) };
        var bucket = state.State.Contribution?.Bucket ?? OverdueBucket.Current;
        state.State.PendingDeltas.Add(Report(allocation.ClosesLoan ? null : ContributionOf(bucket, after)));
        if (bucket != OverdueBucket.Current && !allocation.ClosesLoan)
        {
            // A payment may cure arrears: the next close looks at the loan again.
            state.State.PendingVisits.Add(paidOn);
        }

        // Recorded durably first: if freeing the cap or reporting to the loan book fails, the next
        // activation delivers them again (each receiver recognises a redelivery).
        return await SaveAsync(requestId, allocation.ClosesLoan ? "Closed" : "Repaid", $"{amount} paid on {paidOn:yyyy-MM-dd}");
    }

    public async Task<LoanRecord> MarkCompensatedAsync(DateOnly compensatedOn, string note)
    {
        var loan = Require();
        if (loan.Stage == LoanStage.Compensated)
        {
            return loan;
        }

        LoanLifecycle.EnsureInService(loan.Stage, "compensation");
        state.State.Record = Advance(loan, LoanStage.Compensated, LoanParty.County, System, "", $"compensated on {compensatedOn:yyyy-MM-dd}: {note}");
        state.State.PendingDeltas.Add(Report(null));
        await state.WriteStateAsync();
        await DeliverAsync();
        await AnnounceAsync("Compensated");
        return Require();
    }

    public async Task<LoanDayResult> CloseDayAsync(DateOnly day)
    {
        if (state.State.LastVisitedDay == day && state.State.LastVisit is { } repeated)
        {
            return repeated;
        }

        if (state.State.Record is not { Stage: LoanStage.Disbursed, Balance: { } balance, Schedule: { } schedule })
        {
            return new LoanDayResult(null, null);
        }

        var instalments = schedule.ToList();
        var oldest = balance.OldestUnpaidDueDate(instalments, day);
        var daysPastDue = oldest is { } due ? OverdueAging.DaysPastDue(due, day) : 0;
        var bucket = OverdueAging.Bucket(daysPastDue);
        LoanTallyDelta? delta = null;
        var loan = Require();

        // The due dates before today are judged by the payments dated on or before them; a day-close
        // catching up on an older day does not forget what later repayments already showed.
        var firstMissed = FirstMissed(loan, clock.Today);
        var changed = firstMissed != loan.FirstMissedDueDate;
        state.State.Record = loan with { FirstMissedDueDate = firstMissed };
        if (state.State.Contribution?.Bucket != bucket)
        {
            delta = Report(ContributionOf(bucket, balance));
            var note = oldest is { } unpaid
                ? $"{daysPastDue} days past due since {unpaid:yyyy-MM-dd}: {bucket}"
                : "current";
            state.State.Record = Require() with
            {
                History = [.. loan.History, new LoanEvent(LoanStage.Disbursed, LoanParty.Bank, DayClose, clock.Now, "", note)],
            };
            changed = true;
        }

        var result = new LoanDayResult(delta, AgingEvents.NextEventDate(oldest, schedule.Select(i => i.DueDate), day));
        state.State.LastVisitedDay = day;
        state.State.LastVisit = result;
        if (changed)
        {
            // Durable before the books apply a delta: a repeated visit returns the same numbered change.
            await state.WriteStateAsync();
        }

        if (delta is not null)
        {
            await DeliverAsync();
            await AnnounceAsync("Aged");
        }

        return result;
    }

    public Task<SubsidyLine> SubsidyForMonthAsync(int year, int month)
    {
        var loan = Require();
        var line = new SubsidyLine(LoanId, loan.Application.Borrower, Money.Zero, Money.Zero, Money.Zero);
        if (loan is not { DisbursedOn: { } disbursedOn, Policy: { } policy, ContractRate: { } rate, WithinBaseCap: { } withinBaseCap })
        {
            return Task.FromResult(line);
        }

        // Due dates are judged afresh, so a repayment reported late but paid on time keeps the subsidy.
        var subsidised = new SubsidisedLoan(
            disbursedOn,
            loan.Application.Amount,
            rate,
            withinBaseCap,
            [.. (loan.Repayments ?? []).Select(r => new DatedPayment(r.PaidOn, r.PrincipalPaid, r.InterestSettled))],
            [.. (loan.Restructurings ?? []).Where(r => r.Kind == RestructuringKind.Renewal).Select(r => new ContractRenewal(r.On, r.RateBefore))],
            FirstMissed(loan, clock.Today));
        var subsidy = LoanSubsidy.ForMonth(policy, year, month, subsidised);
        return Task.FromResult(line with
        {
            InterestAccrued = subsidy.InterestAccrued,
            SubsidisableInterest = subsidy.SubsidisableInterest,
            Subsidy = subsidy.Subsidy,
        });
    }

    /// <summary>
    /// 未按期还贷的，从到期之日起不予贴息: the first due date missed so far, judged by when the borrower
    /// paid — since the loan's payment baseline, or before it.
    /// </summary>
    private DateOnly? FirstMissed(LoanRecord loan, DateOnly today)
    {
        var baseline = state.State.Baseline;
        var payments = (loan.Repayments ?? [])
            .Skip(baseline?.RepaymentsBefore ?? 0)
            .Select(r => new DatedPayment(r.PaidOn, r.PrincipalPaid, r.InterestSettled))
            .ToList();
        var current = MissedDueDates.First(
            loan.Schedule!.Where(i => baseline is null || i.DueDate >= baseline.From).ToList(),
            baseline?.InterestSettledOn ?? loan.DisbursedOn!.Value,
            baseline?.Principal ?? loan.Application.Amount,
            payments,
            today);
        return state.State.MissedBefore ?? current;
    }

    /// <summary>What the loan adds to the tallies with <paramref name="balance"/>, in <paramref name="bucket"/>.</summary>
    private TallyContribution ContributionOf(OverdueBucket bucket, LoanBalance balance) =>
        new(bucket, balance.Principal, balance.FundBacked(Require().FundBacked));

    /// <summary>Numbers a change in what the loan adds to the tallies, and makes it the loan's contribution.</summary>
    private LoanTallyDelta Report(TallyContribution? contribution)
    {
        var loan = Require();
        var delta = new LoanTallyDelta(
            LoanId, ++state.State.TallySequence, loan.Village, TownshipOf(loan), loan.Application.BankCode, state.State.Contribution, contribution);
        state.State.Contribution = contribution;
        return delta;
    }

    /// <summary>
    /// Sends the recorded tally changes and visits to the loan's page of the county's loan book, then
    /// forgets them: delivered again after a restart, a change is recognised by its sequence and a
    /// visit by its day.
    /// </summary>
    private async Task SendToLoanBookAsync()
    {
        if (state.State.PendingDeltas.Count > 0 || state.State.PendingVisits.Count > 0)
        {
            await GrainFactory.Get<ILoanBookGrain>(BookOf(Require()).ToString()).RecordAsync(
                [.. state.State.PendingDeltas],
                [.. state.State.PendingVisits.Select(visit => new ScheduledVisit(LoanId, visit))]);
            state.State.PendingDeltas.Clear();
            state.State.PendingVisits.Clear();
        }
    }

    /// <summary>The page of the county's loan book that holds a disbursed loan.</summary>
    private static LoanBookKey BookOf(LoanRecord loan) =>
        new(loan.Village ?? TownshipOf(loan), loan.Application.BankCode, loan.DisbursedOn!.Value.Year);

    /// <summary>
    /// A household with an outstanding non-performing loan may not borrow again: it hears when its
    /// loan passes 90 days past due (or is compensated as a loss), and when a payment cures it.
    /// That it heard is written with the loan's next write, as the rest of the outbox: until then a
    /// restart tells it again, and the household takes the same standing twice as once.
    /// </summary>
    private async Task ReportStandingToHouseholdAsync()
    {
        if (state.State.Record is not { } loan || StandingToReport(loan) is not { } nonPerforming)
        {
            return;
        }

        await GrainFactory.Get<IHouseholdGrain>(loan.Application.Borrower).MarkNonPerformingAsync(LoanId, nonPerforming);
        state.State.ReportedNonPerforming = nonPerforming;
    }

    /// <summary>Whether a household's loan is non-performing, when that is not what the household last heard.</summary>
    private bool? StandingToReport(LoanRecord loan)
    {
        var nonPerforming = loan.Stage == LoanStage.Compensated || state.State.Contribution?.Bucket == OverdueBucket.Over90;
        return loan.Application.LegalPerson is null && nonPerforming != state.State.ReportedNonPerforming ? nonPerforming : null;
    }

    /// <summary>Banks report what happened: nothing dated after today's business date.</summary>
    private void EnsureNotInFuture(DateOnly date, string what)
    {
        if (date > clock.Today)
        {
            throw new RuleViolationException(
                "DATE_IN_FUTURE", $"A {what} dated {date:yyyy-MM-dd} is after today's business date {clock.Today:yyyy-MM-dd}.");
        }
    }

    /// <summary>
    /// Frees, at the household caps, the principal of repayments not yet applied there. Written with
    /// the loan's next write: a household takes each repayment once by its sequence.
    /// </summary>
    private async Task ApplyRepaymentsAsync()
    {
        var pending = (state.State.Record?.Repayments ?? []).Where(r => r.Sequence > state.State.RepaymentsApplied).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        foreach (var repayment in pending.Where(r => r.PrincipalPaid > Money.Zero))
        {
            await Commitments().RepayAsync(repayment);
        }

        state.State.RepaymentsApplied = pending[^1].Sequence;
    }
}
