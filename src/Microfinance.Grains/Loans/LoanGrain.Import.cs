using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Loans;

/// <summary>
/// A loan of a bank's existing book taken over by the platform (存量贷款迁移). It is recorded as
/// disbursed in one write, holding its first tally change and first day-close visit for delivery
/// (as a disbursement does) until the importer has handed them to its loan-book page in bulk.
/// </summary>
public sealed partial class LoanGrain : ILoanImportGrain
{
    public async Task<LoanImportOutcome> ImportAsync(ImportedLoan loan, string actor, string requestId)
    {
        if (state.State.Record is { } existing)
        {
            return state.State.Requests.Contains(requestId) && existing.Balance is not null
                ? ImportOutcome(existing)
                : throw new AlreadyExistsException("LOAN_ALREADY_EXISTS", $"Loan {LoanId} already exists.");
        }

        var today = clock.Today;
        ExistingLoan.Check(loan.Amount, loan.TermMonths, loan.DisbursedOn, loan.Balance, loan.WithinBaseCap, today);
        var county = loan.Village.County;
        var household = await GrainFactory.Get<IHouseholdGrain>(loan.Household).GetAsync();
        if (household.Village != loan.Village)
        {
            throw new RuleViolationException(
                "HOUSEHOLD_OUTSIDE_VILLAGE", $"Household {loan.Household} is registered in village {household.Village}, not {loan.Village}.");
        }

        await GrainFactory.Get<IFundAccountGrain>(FundAccountId.For(county, loan.BankCode)).GetPositionAsync();

        // The loan keeps the policy it was lent under; for a loan lent elsewhere, the one in force
        // on the day the money went out.
        var policy = (await GrainFactory.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(loan.DisbursedOn)).Policy;
        var fundBacked = policy.TopUpCompensated ? loan.Amount : loan.WithinBaseCap;
        var application = new LoanApplication(loan.Household, loan.BankCode, loan.Amount, loan.TermMonths, loan.Purpose, loan.Industry, null);
        var record = new LoanRecord(
            LoanId, application, county, loan.Village, LoanStage.Disbursed, loan.DisbursedOn, policy, loan.ContractRate, fundBacked, null, loan.DisbursedOn, [])
        {
            Balance = loan.Balance,
            Repayments = RepaidBeforeImport(loan, fundBacked, actor, requestId),
            WithinBaseCap = loan.WithinBaseCap,
            RepaymentTerms = loan.RepaymentTerms,
        };
        var schedule = ScheduleOf(record, loan.DisbursedOn);
        var instalments = schedule.ToList();
        var oldest = loan.Balance.OldestUnpaidDueDate(instalments, today);
        var daysPastDue = oldest is { } due ? OverdueAging.DaysPastDue(due, today) : 0;
        var bucket = OverdueAging.Bucket(daysPastDue);
        var standing = oldest is { } unpaid ? $"{daysPastDue} days past due since {unpaid:yyyy-MM-dd}: {bucket}" : "current";
        // 未按期还贷的，从到期之日起不予贴息: the bank's history may know an earlier miss than today's
        // arrears; due dates from today on are judged by the repayments the platform records.
        var missedBefore = EarliestMiss(loan.FirstMissedDueDate, daysPastDue > 0 ? oldest : null);
        state.State.MissedBefore = missedBefore;
        state.State.Baseline = new PaymentBaseline(today, loan.Balance.InterestPaidThrough, loan.Balance.Principal, record.Repayments.Count);
        state.State.Record = record with
        {
            Schedule = schedule,
            FirstMissedDueDate = missedBefore,
            History =
            [
                new LoanEvent(
                    LoanStage.Disbursed,
                    LoanParty.Bank,
                    actor,
                    clock.Now,
                    requestId,
                    $"imported: disbursed on {loan.DisbursedOn:yyyy-MM-dd}, {loan.Balance.Principal} outstanding, {standing}"),
            ],
        };
        state.State.Requests.Add(requestId);

        // The household cap and the fund take the principal as it stands now, so the repayment
        // that brought it there must not be taken off them again.
        state.State.RepaymentsApplied = record.Repayments.Count;
        state.State.PendingDeltas.Add(Report(ContributionOf(bucket, loan.Balance)));
        if (AgingEvents.NextEventDate(oldest, schedule.Select(i => i.DueDate), today) is { } firstVisit)
        {
            state.State.PendingVisits.Add(firstVisit);
        }

        await state.WriteStateAsync();
        return ImportOutcome(Require());
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

    /// <summary>
    /// The principal repaid at the bank before the cut-over, as one repayment on the date the
    /// balance is struck: what the subsidy and the fund's share of later repayments reckon from.
    /// </summary>
    private List<Repayment> RepaidBeforeImport(ImportedLoan loan, Money fundBacked, string actor, string requestId)
    {
        var repaid = loan.Amount - loan.Balance.Principal;
        if (!repaid.IsPositive)
        {
            return [];
        }

        var fundBackedRepaid = fundBacked - loan.Balance.FundBacked(fundBacked);
        return [new Repayment(
            1, loan.Balance.AccruedThrough, repaid, Money.Zero, repaid, fundBackedRepaid, actor, clock.Now, requestId, loan.Balance.UnpaidInterest.IsZero)];
    }

    /// <summary>What the grains around the loan must hear of it now, including what is still held for its loan-book page.</summary>
    private LoanImportOutcome ImportOutcome(LoanRecord loan)
    {
        var balance = loan.Balance!;
        return new LoanImportOutcome(
            LoanId,
            loan.Application.Borrower,
            balance.Principal,
            state.State.RepaymentsApplied,
            state.State.PendingDeltas.FirstOrDefault(d => d.Sequence == 1),
            state.State.PendingVisits.Count > 0 ? state.State.PendingVisits[0] : null,
            BookOf(loan));
    }

    private static DateOnly? EarliestMiss(DateOnly? fromHistory, DateOnly? fromArrears) =>
        fromHistory is { } earlier && (fromArrears is not { } later || earlier <= later) ? earlier : fromArrears;
}
