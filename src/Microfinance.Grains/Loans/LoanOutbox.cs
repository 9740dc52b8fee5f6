using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;

namespace Microfinance.Grains.Loans;

/// <summary>
/// What a loan's stored state holds that the grains around it may not have heard yet, and its
/// delivery: tally changes and visits for its loan-book page (<see cref="LoanState.PendingDeltas"/>,
/// <see cref="LoanState.PendingVisits"/>), a Disbursing stage for the reservations to confirm,
/// repayments after <see cref="LoanState.RepaymentsApplied"/> for the household caps, and a standing
/// other than <see cref="LoanState.ReportedNonPerforming"/> for the household. Every receiver
/// recognises a redelivery (a change by its sequence, a visit by its day, a confirmation or
/// repayment by loan id and sequence), so after a restart the outbox is simply delivered again;
/// what was delivered is forgotten with the loan's next write.
/// </summary>
public sealed class LoanOutbox(IGrainFactory grains, LoanState state)
{
    /// <summary>Whether anything waits to be delivered for <paramref name="loan"/>.</summary>
    public bool HoldsAnything(Loan loan) =>
        loan.Stage == LoanStage.Disbursing
        || state.PendingDeltas.Count > 0
        || state.PendingVisits.Count > 0
        || Unapplied(loan).Any()
        || StandingToReport(loan) is not null;

    /// <summary>Adds what a step owes the loan's page: recorded first, written with the loan, sent after.</summary>
    public void Add(LoanTallyDelta? delta, DateOnly? visit)
    {
        if (delta is not null)
        {
            state.PendingDeltas.Add(delta);
        }

        if (visit is { } day)
        {
            state.PendingVisits.Add(day);
        }
    }

    /// <summary>
    /// Delivers everything in order: the loan-book page first (the fund counts the principal from
    /// there), then a disbursement's confirmations, then repayments to the household caps, then the
    /// household's standing.
    /// </summary>
    /// <returns>The loan after delivery: Disbursed, where it was Disbursing.</returns>
    public async Task<Loan> DeliverAsync(Loan loan)
    {
        if (state.PendingDeltas.Count > 0 || state.PendingVisits.Count > 0)
        {
            await grains.Get<ILoanBookGrain>(BookOf(loan).ToString()).RecordAsync(
                [.. state.PendingDeltas],
                [.. state.PendingVisits.Select(visit => new ScheduledVisit(loan.Id, visit))]);
            state.PendingDeltas.Clear();
            state.PendingVisits.Clear();
        }

        if (loan.Stage == LoanStage.Disbursing)
        {
            await new LoanCommitments(grains, loan).ConfirmAsync();
            loan = loan.ConfirmDisbursement();
        }

        var unapplied = Unapplied(loan).ToList();
        foreach (var repayment in unapplied.Where(r => r.PrincipalPaid > Money.Zero))
        {
            await new LoanCommitments(grains, loan).RepayAsync(repayment);
        }

        if (unapplied.Count > 0)
        {
            state.RepaymentsApplied = unapplied[^1].Sequence;
        }

        if (StandingToReport(loan) is { } nonPerforming)
        {
            await grains.Get<IHouseholdGrain>(loan.Application.Borrower).MarkNonPerformingAsync(loan.Id, nonPerforming);
            state.ReportedNonPerforming = nonPerforming;
        }

        return loan;
    }

    /// <summary>The page of the county's loan book that holds a disbursed loan.</summary>
    public static LoanBookKey BookOf(Loan loan) =>
        new(loan.Village ?? loan.Township, loan.Application.BankCode, loan.Account!.DisbursedOn.Year);

    private IEnumerable<Repayment> Unapplied(Loan loan) =>
        (loan.Account?.Repayments ?? []).Where(r => r.Sequence > state.RepaymentsApplied);

    /// <summary>A household hears whether its loan is non-performing when that is not what it last heard; a legal person's loan tells no household.</summary>
    private bool? StandingToReport(Loan loan) =>
        loan.Application.LegalPerson is null && loan.IsNonPerforming != state.ReportedNonPerforming ? loan.IsNonPerforming : null;
}
