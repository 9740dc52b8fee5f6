using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class ScheduleRevisionTests
{
    [Fact]
    public void ExtensionKeepsPastDatesAndMovesThePrincipalToTheNewMaturity()
    {
        var original = RepaymentSchedule.Build(Money.FromYuan(30_000m), new InterestRate(435), new DateOnly(2026, 3, 16), 12).Instalments;

        var extended = ScheduleRevision.Extend(
            original, new DateOnly(2026, 3, 16), 12, 6, InterestFrequency.Quarterly, PrincipalRepayment.AtMaturity,
            new InterestRate(435), new DateOnly(2027, 2, 1));

        // Due before 1 Feb 2027: 16 Jun, 16 Sep, 16 Dec 2026 stay. An 18-month term from 16 Mar 2026
        // adds 16 Mar, 16 Jun and 16 Sep 2027; the 30,000 falls due on 16 Sep 2027.
        // 30,000 × 4.35% = 1,305 a year.
        // 16 Dec 2026 → 16 Mar 2027: 31 + 31 + 28 = 90 days: 1,305 × 90 / 360 = 326.25
        // 16 Mar → 16 Jun 2027: 31 + 30 + 31 = 92 days: 1,305 × 92 / 360 = 333.50
        // 16 Jun → 16 Sep 2027: 30 + 31 + 31 = 92 days: 333.50
        Assert.Equal(original.Take(3), extended.Take(3));
        Assert.Equal(
            [
                (4, new DateOnly(2027, 3, 16), new DateOnly(2026, 12, 16), 326.25m, 0m),
                (5, new DateOnly(2027, 6, 16), new DateOnly(2027, 3, 16), 333.50m, 0m),
                (6, new DateOnly(2027, 9, 16), new DateOnly(2027, 6, 16), 333.50m, 30_000m),
            ],
            extended.Skip(3).Select(i => (i.Number, i.DueDate, i.PeriodStart, i.Interest.Yuan, i.Principal.Yuan)));
    }

    [Fact]
    public void ExtensionSpreadsTheInstalmentsNotYetDueOverTheLongerTerm()
    {
        var original = RepaymentSchedule.Build(
            Money.FromYuan(6_000m), new InterestRate(360), new DateOnly(2026, 1, 10), 6, InterestFrequency.Monthly, PrincipalRepayment.EqualInstalments).Instalments;

        var extended = ScheduleRevision.Extend(
            original, new DateOnly(2026, 1, 10), 6, 3, InterestFrequency.Monthly, PrincipalRepayment.EqualInstalments,
            new InterestRate(360), new DateOnly(2026, 4, 20));

        // 1,000 a month was due on 10 Feb, 10 Mar and 10 Apr: those stay. The 3,000 not yet due is
        // spread over the six dates of a nine-month term from 10 May to 10 Oct: 500 each.
        // 3.6% a year on 3,000 = 108: 10 Apr → 10 May, 30 days: 108 × 30 / 360 = 9.00
        // then on 2,500 = 90 a year: 10 May → 10 Jun, 31 days: 90 × 31 / 360 = 7.75
        Assert.Equal(9, extended.Count);
        Assert.Equal([1_000m, 1_000m, 1_000m, 500m, 500m, 500m, 500m, 500m, 500m], extended.Select(i => i.Principal.Yuan));
        Assert.Equal(new DateOnly(2026, 10, 10), extended[^1].DueDate);
        Assert.Equal(9.00m, extended[3].Interest.Yuan);
        Assert.Equal(7.75m, extended[4].Interest.Yuan);
        Assert.Equal(Money.FromYuan(6_000m), Money.Sum(extended.Select(i => i.Principal)));
    }

    [Fact]
    public void ExtensionOnTheMaturityDateMovesThePrincipalDueThatDay()
    {
        var original = RepaymentSchedule.Build(Money.FromYuan(10_000m), new InterestRate(435), new DateOnly(2026, 3, 16), 12).Instalments;

        var extended = ScheduleRevision.Extend(
            original, new DateOnly(2026, 3, 16), 12, 3, InterestFrequency.Quarterly, PrincipalRepayment.AtMaturity,
            new InterestRate(435), new DateOnly(2027, 3, 16));

        // The interest of 16 Mar 2027 is still due that day; the principal moves to 16 Jun 2027.
        Assert.Equal(
            [(new DateOnly(2027, 3, 16), 0m), (new DateOnly(2027, 6, 16), 10_000m)],
            extended.Skip(3).Select(i => (i.DueDate, i.Principal.Yuan)));
    }

    [Fact]
    public void DeferralMovesTheDatesInItsWindowAndKeepsTheScheduleInOrder()
    {
        var original = RepaymentSchedule.Build(Money.FromYuan(30_000m), new InterestRate(435), new DateOnly(2026, 3, 16), 12).Instalments;

        var deferred = ScheduleRevision.Defer(original, new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 30), 3);

        // 16 Jun → 16 Sep and 16 Sep → 16 Dec move by three months; 16 Dec and 16 Mar 2027 stay.
        Assert.Equal(
            [
                (1, new DateOnly(2026, 9, 16), 0m),
                (2, new DateOnly(2026, 12, 16), 0m),
                (3, new DateOnly(2026, 12, 16), 0m),
                (4, new DateOnly(2027, 3, 16), 30_000m),
            ],
            deferred.Select(i => (i.Number, i.DueDate, i.Principal.Yuan)));
        Assert.Equal(original.Sum(i => i.Interest.Fen), deferred.Sum(i => i.Interest.Fen));
    }

    [Fact]
    public void DeferralOfAMonthEndKeepsTheMonthEnd()
    {
        var original = RepaymentSchedule.Build(Money.FromYuan(10_000m), new InterestRate(435), new DateOnly(2025, 11, 30), 3, InterestFrequency.AtMaturity).Instalments;

        var deferred = ScheduleRevision.Defer(original, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31), 1);

        // Due 28 Feb 2026 (30 Nov + 3 months, clamped); one month later is 28 Mar (对月对日 from the due date).
        Assert.Equal(new DateOnly(2026, 2, 28), original[0].DueDate);
        Assert.Equal(new DateOnly(2026, 3, 28), deferred[0].DueDate);
    }

    [Fact]
    public void DeferralOutsideTheScheduleChangesNothing()
    {
        var original = RepaymentSchedule.Build(Money.FromYuan(10_000m), new InterestRate(435), new DateOnly(2026, 3, 16), 12).Instalments;

        Assert.False(ScheduleRevision.AnyDueWithin(original, new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31)));
        Assert.Equal(original, ScheduleRevision.Defer(original, new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31), 2));
    }
}
