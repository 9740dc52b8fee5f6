using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Loans;

/// <inheritdoc cref="ILoanBookImportGrain"/>
/// <remarks>
/// Holds no state of its own. Each loan records its import durably first and holds its tally
/// change and first visit until it hears they were delivered; every other step is idempotent by
/// loan id, so importing a batch again completes whatever an interrupted attempt left undone.
/// One call per household and loan-book page per batch (the pages tell the fund accounts), instead of
/// one per loan, is what lets a book of hundreds of thousands of loans move in minutes.
/// </remarks>
public sealed class LoanBookImportGrain : Grain, ILoanBookImportGrain
{
    public async Task<LoanImportReport> ImportAsync(IReadOnlyList<ImportedLoan> loans, string actor, string requestId)
    {
        var county = AdminCode.Parse(this.GetPrimaryKeyString());
        var refused = new List<LoanImportRefusal>();
        var accepted = new List<ImportedLoan>();
        var seen = new HashSet<string>();
        foreach (var loan in loans)
        {
            if (!loan.Village.IsWithin(county))
            {
                refused.Add(new LoanImportRefusal(loan.LoanId, "LOAN_OUTSIDE_COUNTY", $"Village {loan.Village} is not in county {county}."));
            }
            else if (!seen.Add(loan.LoanId))
            {
                refused.Add(new LoanImportRefusal(loan.LoanId, "LOAN_REPEATED_IN_BATCH", $"Loan {loan.LoanId} appears more than once in the batch."));
            }
            else
            {
                accepted.Add(loan);
            }
        }

        var attempts = await Task.WhenAll(accepted.Select(loan => ImportOneAsync(loan, actor, requestId)));
        refused.AddRange(attempts.Select(attempt => attempt.Refusal).OfType<LoanImportRefusal>());
        var imported = attempts.Select(attempt => attempt.Outcome).OfType<LoanImportOutcome>().ToList();
        if (imported.Count == 0)
        {
            return new LoanImportReport(0, refused);
        }

        await Task.WhenAll(TakeOverAtHouseholdsAsync(imported), RecordInBookAsync(imported));

        await Task.WhenAll(imported.Select(outcome => GrainFactory.Get<ILoanImportGrain>(outcome.LoanId).CompleteImportAsync(outcome)));
        return new LoanImportReport(imported.Count, refused);
    }

    private async Task<(LoanImportOutcome? Outcome, LoanImportRefusal? Refusal)> ImportOneAsync(ImportedLoan loan, string actor, string requestId)
    {
        try
        {
            return (await GrainFactory.Get<ILoanImportGrain>(loan.LoanId).ImportAsync(loan, actor, requestId), null);
        }
        catch (DomainException refusal)
        {
            return (null, new LoanImportRefusal(loan.LoanId, refusal.Reason, refusal.Message));
        }
    }

    private Task TakeOverAtHouseholdsAsync(IEnumerable<LoanImportOutcome> imported) =>
        Task.WhenAll(imported.GroupBy(outcome => outcome.Household).Select(household =>
            GrainFactory.Get<IHouseholdGrain>(household.Key).TakeOverLoansAsync(
                [.. household.Select(outcome => new TakenOverLoan(outcome.LoanId, outcome.Principal, outcome.RepaymentsApplied))])));

    /// <summary>Each page of the loan book takes its loans' first tally changes and visits in one write.</summary>
    private Task RecordInBookAsync(IEnumerable<LoanImportOutcome> imported) =>
        Task.WhenAll(imported.GroupBy(outcome => outcome.Book).Select(page =>
            GrainFactory.Get<ILoanBookGrain>(page.Key.ToString()).RecordAsync(
                [.. page.Select(outcome => outcome.Delta).OfType<LoanTallyDelta>()],
                [.. page.Where(outcome => outcome.FirstVisit is not null).Select(outcome => new ScheduledVisit(outcome.LoanId, outcome.FirstVisit!.Value))])));
}
