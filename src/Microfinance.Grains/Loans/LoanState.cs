using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Loans;

/// <summary>The persisted state of a loan grain.</summary>
/// <remarks>
/// Its outbox is what the grains around the loan may not have heard yet: <see cref="PendingDeltas"/>
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

    /// <summary>Every request id applied to the loan, so that no step is ever applied twice.</summary>
    [Id(1)]
    public HashSet<string> Requests { get; set; } = [];

    /// <summary>
    /// The sequence of the last repayment whose principal the household cap and the fund have
    /// taken; later ones are applied again on activation (they are idempotent by sequence).
    /// </summary>
    [Id(2)]
    public int RepaymentsApplied { get; set; }

    /// <summary>What the loan adds to its county's tallies, as last reported.</summary>
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

    /// <summary>
    /// The first due date missed before <see cref="Baseline"/>: under contracts before the last
    /// renewal, or in the bank's history of a loan taken over. Fixed when the baseline was set.
    /// </summary>
    [Id(9)]
    public DateOnly? MissedBefore { get; set; }

    /// <summary>Where the loan's own payment record starts; null for a loan the platform disbursed and never renewed.</summary>
    [Id(10)]
    public PaymentBaseline? Baseline { get; set; }

    /// <summary>Whether the household was last told this loan is non-performing.</summary>
    [Id(11)]
    public bool ReportedNonPerforming { get; set; }
}
