using Microfinance.Domain.Errors;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// What a bank's claim must show to be accepted (受理) when it is filed: a loan overdue long enough
/// (第十九条: "经过组织清收，不良贷款逾期90天仍未偿还的，进入贷款风险补偿程序") and a collection record
/// showing the bank dunned in time and kept at it (第二十一条 (一)(二)). These are the rules the
/// platform can decide from the loan and the record alone; what needs the county's own inquiry
/// (hidden risk events, lending outside instructions, the cause) is a <see cref="VerificationFinding"/>.
/// </summary>
public static class ClaimEligibility
{
    /// <summary>
    /// Checks a claim filed on <paramref name="filedOn"/> for a loan whose oldest unpaid due date is
    /// <paramref name="oldestUnpaidDueDate"/> (null when nothing is overdue).
    /// </summary>
    /// <remarks>
    /// Collection runs from the first missed due date of the arrears: dunning before it was a
    /// reminder, not 催收, and does not count. The bank must dun within the policy's collection
    /// period of that date ("未在追索期内向借款人催收", 第二十一条 (一)), then again at least that often
    /// until the day it files ("未按本办法规定履行追索义务", 第二十一条 (二)).
    /// </remarks>
    /// <exception cref="RuleViolationException">
    /// <c>CLAIM_TOO_EARLY</c>, <c>DATE_IN_FUTURE</c> (a dunning dated after the filing),
    /// <c>NO_DUNNING_IN_COLLECTION_PERIOD</c> or <c>BANK_DID_NOT_PURSUE</c>.
    /// </exception>
    public static void CheckFiling(
        CountyPolicy policy, DateOnly? oldestUnpaidDueDate, DateOnly filedOn, IReadOnlyList<DunningAction> dunning)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(dunning);

        var daysPastDue = oldestUnpaidDueDate is { } due ? OverdueAging.DaysPastDue(due, filedOn) : 0;
        if (oldestUnpaidDueDate is not { } missed || daysPastDue < policy.OverdueDaysBeforeClaim)
        {
            throw new RuleViolationException(
                "CLAIM_TOO_EARLY",
                $"The loan is {daysPastDue} days overdue; a claim may be filed from {policy.OverdueDaysBeforeClaim} days (第十九条).");
        }

        if (dunning.FirstOrDefault(action => action.On > filedOn) is { } future)
        {
            throw new RuleViolationException(
                "DATE_IN_FUTURE", $"A dunning dated {future.On:yyyy-MM-dd} is after the filing date {filedOn:yyyy-MM-dd}.");
        }

        var period = policy.CollectionPeriodDays;
        var collection = dunning.Select(action => action.On).Where(on => on >= missed).Order().ToList();
        var deadline = missed.AddDays(period);
        if (collection.Count == 0 || collection[0] > deadline)
        {
            throw new RuleViolationException(
                "NO_DUNNING_IN_COLLECTION_PERIOD",
                $"The bank did not dun the borrower between the missed due date {missed:yyyy-MM-dd} and {deadline:yyyy-MM-dd}, within the {period}-day collection period (第二十一条 (一)).");
        }

        foreach (var (from, to) in collection.Zip(collection.Skip(1).Append(filedOn)))
        {
            if (to.DayNumber - from.DayNumber > period)
            {
                throw new RuleViolationException(
                    "BANK_DID_NOT_PURSUE",
                    $"The bank did not dun the borrower between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}, longer than the {period}-day collection period (第二十一条 (二)).");
            }
        }
    }

    /// <summary>
    /// Checks that someone would bear part of the loss: the fund for a fund-backed loan, or an
    /// insurer. A loan wholly above the base cap and uninsured has nothing to claim.
    /// </summary>
    /// <exception cref="RuleViolationException"><c>LOAN_NOT_FUND_BACKED</c></exception>
    public static void CheckCompensable(ClaimLoss loss, CreditInsurance? insurance)
    {
        ArgumentNullException.ThrowIfNull(loss);

        if (insurance is null && loss.Compensable.IsZero)
        {
            throw new RuleViolationException(
                "LOAN_NOT_FUND_BACKED",
                "No part of the loan is backed by the risk-compensation fund (all of it is above the base cap) and it is not insured.");
        }
    }
}
