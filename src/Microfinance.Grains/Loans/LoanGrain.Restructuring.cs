using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Loans;

/// <summary>
/// Changes to a disbursed loan's contract: extension (展期), renewal (无还本续贷) and a county's
/// deferral. None of them touches the household cap, the village quota or the fund: the loan keeps
/// what it holds, which is how a restructuring "does not count again" toward the caps.
/// </summary>
public sealed partial class LoanGrain
{
    public async Task<LoanRecord> ExtendAsync(int months, string rating, string actor, string requestId)
    {
        var loan = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        LoanLifecycle.EnsureInService(loan.Stage, "extension");
        RequireRating(rating);
        var today = clock.Today;
        var (schedule, oldest) = Standing(loan, today);
        var (start, termMonths) = Contract(loan);
        var maturity = schedule[^1].DueDate;
        var restructurings = loan.Restructurings ?? [];
        ExtensionRule.Check(
            loan.Policy!, termMonths, months, restructurings.Any(r => r.Kind == RestructuringKind.Extension), today, maturity, oldest);

        var terms = loan.RepaymentTerms ?? RepaymentTerms.Default;
        var rate = loan.ContractRate!.Value;
        var revised = ScheduleRevision.Extend(
            schedule, start, termMonths, months, terms.InterestFrequency, terms.PrincipalRepayment, rate, today);
        var extension = new LoanRestructuring(
            restructurings.Count + 1, RestructuringKind.Extension, today, months, rating, rate, rate, maturity, revised[^1].DueDate, null, actor, clock.Now,
            loan.Balance!.Principal, loan.Repayments?.Count ?? 0);
        Restructure(loan, extension, revised, requestId, $"展期 {months} months to {revised[^1].DueDate:yyyy-MM-dd}, rating {rating}");
        ScheduleNextVisit(oldest, revised, today);
        return await SaveAsync(requestId, "Extended");
    }

    public async Task<LoanRecord> RenewAsync(
        int termMonths, string rating, InterestRate? contractRate, string actor, string requestId, RepaymentTerms? repaymentTerms = null)
    {
        var loan = Require();
        if (state.State.Requests.Contains(requestId))
        {
            return loan;
        }

        LoanLifecycle.EnsureInService(loan.Stage, "renewal");
        RequireRating(rating);
        var today = clock.Today;
        var (schedule, oldest) = Standing(loan, today);
        var balance = loan.Balance!;
        var rateBefore = loan.ContractRate!.Value;
        var policy = (await TermsAsync(loan.County, today)).Policy;
        RenewalRule.Check(policy, termMonths, today, schedule[^1].DueDate, oldest, balance.InterestDueOn(rateBefore, today));

        // A new contract is priced as one: the reference rate for its date and term band.
        var reference = InterestRateTable.Default.ReferenceRate(policy.InterestSource, today, termMonths);
        var rate = contractRate ?? reference;
        RateRule.CheckContractRate(policy, reference, rate);
        var terms = repaymentTerms ?? loan.RepaymentTerms ?? RepaymentTerms.Default;
        var renewed = RepaymentSchedule.Build(balance.Principal, rate, today, termMonths, terms.InterestFrequency, terms.PrincipalRepayment)
            .Instalments;
        var renewal = new LoanRestructuring(
            (loan.Restructurings?.Count ?? 0) + 1, RestructuringKind.Renewal, today, termMonths, rating, rateBefore, rate,
            schedule[^1].DueDate, renewed[^1].DueDate, null, actor, clock.Now, balance.Principal, loan.Repayments?.Count ?? 0);

        // What the old contract missed stays missed (no subsidy from then on); its maturity is
        // renewed today, not missed. The new contract's payments start now.
        state.State.MissedBefore = FirstMissed(loan, today);
        state.State.Baseline = new PaymentBaseline(today, today, balance.Principal, loan.Repayments?.Count ?? 0);
        Restructure(loan, renewal, renewed, requestId, $"续贷 {balance.Principal} for {termMonths} months at {rate}, rating {rating}");

        // The interest is settled (RenewalRule): the new contract accrues from today at its own rate.
        state.State.Record = Require() with
        {
            ContractRate = rate,
            RepaymentTerms = terms,
            Balance = LoanBalance.Disbursed(balance.Principal, today),
        };
        ScheduleNextVisit(null, renewed, today);
        return await SaveAsync(requestId, "Renewed");
    }

    public async Task<bool> DeferAsync(RepaymentDeferral deferral)
    {
        if (state.State.Record is not { Stage: LoanStage.Disbursed, Schedule: not null } loan)
        {
            return false;
        }

        if ((loan.Restructurings ?? []).Any(r => r.DeferralId == deferral.Id))
        {
            return true;
        }

        var schedule = loan.Schedule.ToList();
        if (!ScheduleRevision.AnyDueWithin(schedule, deferral.From, deferral.Through))
        {
            return false;
        }

        var deferred = ScheduleRevision.Defer(schedule, deferral.From, deferral.Through, deferral.Months);
        var rate = loan.ContractRate!.Value;
        var restructuring = new LoanRestructuring(
            (loan.Restructurings?.Count ?? 0) + 1, RestructuringKind.Deferral, clock.Today, deferral.Months, "", rate, rate,
            schedule[^1].DueDate, deferred[^1].DueDate, deferral.Id, deferral.Actor, clock.Now,
            loan.Balance!.Principal, loan.Repayments?.Count ?? 0);
        Restructure(loan, restructuring, deferred, "", $"deferred {deferral.Months} months: {deferral.Reason}");

        // A due date the deferral moved was not missed after all, so its subsidy is not lost.
        state.State.Record = Require() with { FirstMissedDueDate = FirstMissed(Require(), clock.Today) };

        // The next close ages the loan again: a deferral can cure arrears.
        state.State.PendingVisits.Add(clock.Today);
        await state.WriteStateAsync();
        await DeliverAsync();
        await AnnounceAsync("Deferred");
        return true;
    }

    private static void RequireRating(string rating)
    {
        if (string.IsNullOrWhiteSpace(rating))
        {
            throw new RuleViolationException("NEW_RATING_REQUIRED", "An extension or renewal needs the bank's new rating of the borrower.");
        }
    }

    /// <summary>The schedule in force and the oldest due date not paid by <paramref name="today"/>.</summary>
    private static (List<ScheduledInstalment> Schedule, DateOnly? OldestUnpaid) Standing(LoanRecord loan, DateOnly today)
    {
        var schedule = loan.Schedule!.ToList();
        return (schedule, loan.Balance!.OldestUnpaidDueDate(schedule, today));
    }

    /// <summary>The current contract's start and term: the disbursement's, or the last renewal's.</summary>
    private static (DateOnly Start, int TermMonths) Contract(LoanRecord loan) =>
        (loan.Restructurings ?? []).LastOrDefault(r => r.Kind == RestructuringKind.Renewal) is { } renewal
            ? (renewal.On, renewal.Months)
            : (loan.DisbursedOn!.Value, loan.Application.TermMonths);

    private void Restructure(
        LoanRecord loan, LoanRestructuring restructuring, IReadOnlyList<ScheduledInstalment> schedule, string requestId, string note)
    {
        state.State.Record = loan with
        {
            Schedule = [.. schedule],
            Restructurings = [.. loan.Restructurings ?? [], restructuring],
            History =
            [
                .. loan.History,
                new LoanEvent(LoanStage.Disbursed, PartyOf(restructuring.Kind), restructuring.Actor, clock.Now, requestId, note),
            ],
        };
    }

    private static LoanParty PartyOf(RestructuringKind kind) => kind == RestructuringKind.Deferral ? LoanParty.County : LoanParty.Bank;

    /// <summary>Asks the books to visit the loan when its standing can next change under the new schedule.</summary>
    private void ScheduleNextVisit(DateOnly? oldestUnpaid, IReadOnlyList<ScheduledInstalment> schedule, DateOnly today)
    {
        if (AgingEvents.NextEventDate(oldestUnpaid, schedule.Select(i => i.DueDate), today) is { } next)
        {
            state.State.PendingVisits.Add(next);
        }
    }
}
