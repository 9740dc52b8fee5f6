using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire form of a disbursed loan's account.</summary>
[GenerateSerializer, Alias("mf.LoanAccount.Surrogate")]
public struct LoanAccountSurrogate
{
    [Id(0)]
    public DateOnly DisbursedOn;

    [Id(1)]
    public LoanBalance Balance;

    [Id(2)]
    public IReadOnlyList<ScheduledInstalment> Schedule;

    [Id(3)]
    public IReadOnlyList<Repayment> Repayments;

    [Id(4)]
    public IReadOnlyList<LoanRestructuring> Restructurings;

    [Id(5)]
    public OverdueBucket Bucket;

    [Id(6)]
    public DateOnly? FirstMissedDueDate;

    [Id(7)]
    public PaymentBaseline? Baseline;

    [Id(8)]
    public DateOnly? MissedBefore;
}
