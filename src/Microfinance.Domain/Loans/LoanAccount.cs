using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Loans;

/// <summary>A disbursed loan's account: what it owes, on which schedule, and how it has been paid.</summary>
/// <param name="DisbursedOn">The business date the money went out.</param>
/// <param name="Balance">What it still owes.</param>
/// <param name="Schedule">The schedule in force: fixed at disbursement, changed only by a restructuring.</param>
/// <param name="Repayments">Repayments reported by the bank, oldest first.</param>
/// <param name="Restructurings">Extensions, renewals and deferrals, oldest first.</param>
/// <param name="Bucket">Its overdue bucket as day-close last judged it.</param>
/// <param name="FirstMissedDueDate">The first due date not paid by that date (no subsidy from then on); null while every one was met.</param>
/// <param name="Baseline">Where its own payment record starts; null for a loan the platform disbursed and never renewed.</param>
/// <param name="MissedBefore">The first due date missed before <paramref name="Baseline"/>: fixed when the baseline was set.</param>
public sealed record LoanAccount(
    DateOnly DisbursedOn,
    LoanBalance Balance,
    IReadOnlyList<ScheduledInstalment> Schedule,
    IReadOnlyList<Repayment> Repayments,
    IReadOnlyList<LoanRestructuring> Restructurings,
    OverdueBucket Bucket,
    DateOnly? FirstMissedDueDate,
    PaymentBaseline? Baseline,
    DateOnly? MissedBefore);
