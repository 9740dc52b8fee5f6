using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Loans;

/// <summary>One due date of a loan's repayment schedule, fixed at disbursement for the contract.</summary>
/// <param name="Number">1 for the first due date.</param>
/// <param name="DueDate">When it is due (对年对月对日 from the disbursement date).</param>
/// <param name="PeriodStart">Interest for this instalment accrues from this date up to the due date.</param>
/// <param name="Principal">Principal due.</param>
/// <param name="Interest">Interest due (actual/360, rounded to the fen once per period).</param>
[GenerateSerializer, Immutable, Alias("mf.Instalment")]
public sealed record Instalment(
    [property: Id(0)] int Number,
    [property: Id(1)] DateOnly DueDate,
    [property: Id(2)] DateOnly PeriodStart,
    [property: Id(3)] Money Principal,
    [property: Id(4)] Money Interest)
{
    public static Instalment Of(ScheduledInstalment instalment) =>
        new(instalment.Number, instalment.DueDate, instalment.PeriodStart, instalment.Principal, instalment.Interest);

    public ScheduledInstalment ToScheduled() => new(Number, DueDate, PeriodStart, Principal, Interest);
}
