using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Loans;

/// <summary>The persisted state of a loan grain: the loan in its stored form, and its outbox.</summary>
/// <remarks>
/// The outbox is what the grains around the loan may not have heard yet: <see cref="PendingDeltas"/>
/// and <see cref="PendingVisits"/> for its loan-book page, a Disbursing stage for the reservations to
/// confirm, the repayments after <see cref="RepaymentsApplied"/> for the household caps, and a standing
/// other than <see cref="ReportedNonPerforming"/> for the household. The loan delivers it after each
/// write, and on activation whatever a restart left.
/// </remarks>
[GenerateSerializer, Alias("mf.LoanState")]
public sealed class LoanState
{
    /// <summary>The loan, or null before it is applied for.</summary>
    [Id(0)]
    public LoanRecord? Record { get; set; }

    /// <summary>
    /// The sequence of the last repayment whose principal the household cap and the fund have
    /// taken; later ones are applied again on activation (they are idempotent by sequence).
    /// </summary>
    [Id(2)]
    public int RepaymentsApplied { get; set; }

    /// <summary>What the loan adds to its county's tallies, as last reported; holds its overdue bucket.</summary>
    [Id(3)]
    public TallyContribution? Contribution { get; set; }

    /// <summary>How many tally changes the loan has reported: the sequence of the last one.</summary>
    [Id(4)]
    public int TallySequence { get; set; }

    /// <summary>Tally changes to send to the loan's page of the county's loan book (recorded first, then sent).</summary>
    [Id(5)]
    public List<LoanTallyDelta> PendingDeltas { get; set; } = [];

    /// <summary>Days on which day-close should visit the loan, to send to its page (recorded first, then sent).</summary>
    [Id(6)]
    public List<DateOnly> PendingVisits { get; set; } = [];

    /// <summary>The last day-close visit, so that a repeated visit of that day returns the same result.</summary>
    [Id(7)]
    public DateOnly? LastVisitedDay { get; set; }

    [Id(8)]
    public LoanDayResult? LastVisit { get; set; }

    /// <summary>The account's <see cref="LoanAccount.MissedBefore"/>.</summary>
    [Id(9)]
    public DateOnly? MissedBefore { get; set; }

    /// <summary>The account's <see cref="LoanAccount.Baseline"/>.</summary>
    [Id(10)]
    public PaymentBaseline? Baseline { get; set; }

    /// <summary>Whether the household was last told this loan is non-performing.</summary>
    [Id(11)]
    public bool ReportedNonPerforming { get; set; }

    /// <summary>The requests applied lately (Id 1 held every id, without content, before).</summary>
    [Id(12)]
    public RequestLog Requests { get; set; } = new();

    /// <summary>The loan as the domain holds it, rebuilt from its stored form; null before it is applied for.</summary>
    public Loan? ToLoan()
    {
        if (Record is not { } record)
        {
            return null;
        }

        var approval = record is { Policy: { } policy, ContractRate: { } rate }
            ? new LoanApproval(
                policy, rate, record.RepaymentTerms ?? RepaymentTerms.Default, record.FundBacked, record.WithinBaseCap ?? Money.Zero, record.ApprovalExpiresAt, record.ApprovalDate,
                record is { ChargedHouseholds: { } charged, Application.LegalPerson: { } agreement } ? agreement with { DrivenHouseholds = charged } : null)
            : null;
        var account = record is { DisbursedOn: { } disbursedOn, Balance: { } balance }
            ? new LoanAccount(
                disbursedOn,
                balance,
                record.Schedule ?? [],
                record.Repayments ?? [],
                record.Restructurings ?? [],
                Contribution?.Bucket ?? OverdueBucket.Current,
                record.FirstMissedDueDate,
                Baseline,
                MissedBefore)
            : null;
        return new Loan(
            record.LoanId, record.Application, record.County, record.Village, record.ApplicationDate, record.Stage, record.History, approval, account);
    }

    /// <summary>Holds <paramref name="loan"/> as the stored form, to be written with the next write.</summary>
    public void Hold(Loan loan)
    {
        Record = LoanRecord.Of(loan);
        Contribution = loan.Contribution;
        Baseline = loan.Account?.Baseline;
        MissedBefore = loan.Account?.MissedBefore;
    }
}
