using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class MissedDueDatesTests
{
    private static readonly DateOnly Start = new(2026, 3, 16);
    private static readonly DateOnly FirstDue = new(2026, 6, 16);
    private static readonly DateOnly SecondDue = new(2026, 9, 16);
    private static readonly Money Principal = Money.FromYuan(12_000m);

    private static IReadOnlyList<ScheduledInstalment> Quarterly(PrincipalRepayment repayment = PrincipalRepayment.AtMaturity) =>
        RepaymentSchedule.Build(Principal, new InterestRate(435), Start, 12, InterestFrequency.Quarterly, repayment).Instalments;

    private static DatedPayment InterestOn(DateOnly date) => new(date, Money.Zero, InterestSettled: true);

    [Fact]
    public void ADueDateIsNotJudgedUntilItsDayIsOver()
    {
        Assert.Null(MissedDueDates.First(Quarterly(), Start, Principal, [], FirstDue));
        Assert.Equal(FirstDue, MissedDueDates.First(Quarterly(), Start, Principal, [], FirstDue.AddDays(1)));
    }

    [Fact]
    public void InterestPaidOnTheDueDateMeetsIt()
    {
        var missed = MissedDueDates.First(Quarterly(), Start, Principal, [InterestOn(FirstDue)], SecondDue.AddDays(4));

        Assert.Equal(SecondDue, missed);
    }

    [Fact]
    public void APaymentADayLateMissesTheDueDate()
    {
        var missed = MissedDueDates.First(Quarterly(), Start, Principal, [InterestOn(FirstDue.AddDays(1))], FirstDue.AddDays(4));

        Assert.Equal(FirstDue, missed);
    }

    [Fact]
    public void InterestPaidBeforeTheDueDateLeavesTheDaysSinceUnpaid()
    {
        var missed = MissedDueDates.First(Quarterly(), Start, Principal, [InterestOn(FirstDue.AddDays(-10))], FirstDue.AddDays(1));

        Assert.Equal(FirstDue, missed);
    }

    [Fact]
    public void APartPaymentOnTheDueDateDoesNotMeetIt()
    {
        var missed = MissedDueDates.First(
            Quarterly(), Start, Principal, [new DatedPayment(FirstDue, Money.Zero, InterestSettled: false)], FirstDue.AddDays(1));

        Assert.Equal(FirstDue, missed);
    }

    [Fact]
    public void PrincipalBelowTheInstalmentMissesTheDueDate()
    {
        // Equal instalments: 3,000 of the 12,000 each quarter; paying the interest and 2,000 is short.
        var missed = MissedDueDates.First(
            Quarterly(PrincipalRepayment.EqualInstalments), Start, Principal,
            [new DatedPayment(FirstDue, Money.FromYuan(2_000m), InterestSettled: true)], FirstDue.AddDays(1));

        Assert.Equal(FirstDue, missed);
    }

    [Fact]
    public void TheInstalmentPaidOnTimeMeetsTheDueDate()
    {
        var missed = MissedDueDates.First(
            Quarterly(PrincipalRepayment.EqualInstalments), Start, Principal,
            [new DatedPayment(FirstDue, Money.FromYuan(3_000m), InterestSettled: true)], FirstDue.AddDays(1));

        Assert.Null(missed);
    }

    [Fact]
    public void ALoanRepaidEarlyMissesNothingAfterwards()
    {
        var missed = MissedDueDates.First(
            Quarterly(), Start, Principal, [new DatedPayment(new DateOnly(2026, 5, 1), Principal, InterestSettled: true)], new DateOnly(2027, 6, 1));

        Assert.Null(missed);
    }
}
