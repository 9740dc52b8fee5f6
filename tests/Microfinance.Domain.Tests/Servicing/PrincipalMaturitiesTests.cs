using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class PrincipalMaturitiesTests
{
    private static readonly DateOnly Today = new(2027, 4, 15);

    /// <summary>Four quarterly instalments of 2,500 principal each, the first on 2027-03-20.</summary>
    private static readonly IReadOnlyList<ScheduledInstalment> Quarterly =
    [
        new(1, new DateOnly(2027, 3, 20), new DateOnly(2026, 12, 20), Money.FromYuan(2_500m), Money.Zero),
        new(2, new DateOnly(2027, 6, 20), new DateOnly(2027, 3, 20), Money.FromYuan(2_500m), Money.Zero),
        new(3, new DateOnly(2027, 9, 20), new DateOnly(2027, 6, 20), Money.FromYuan(2_500m), Money.Zero),
        new(4, new DateOnly(2027, 12, 20), new DateOnly(2027, 9, 20), Money.FromYuan(2_500m), Money.Zero),
    ];

    [Fact]
    public void WhatWasRepaidPaidTheEarliestInstalmentsAndTheRestFallsDueInTheMonthsOfTheLatest()
    {
        var maturities = PrincipalMaturities.Of(Quarterly, Money.FromYuan(6_000m), Today, months: 12);

        Assert.Equal(Money.Zero, maturities.Overdue);
        Assert.Equal(Money.FromYuan(1_000m), maturities.ByMonth[2]); // June: what is left of the second
        Assert.Equal(Money.FromYuan(2_500m), maturities.ByMonth[5]); // September
        Assert.Equal(Money.FromYuan(2_500m), maturities.ByMonth[8]); // December
        Assert.Equal(Money.FromYuan(6_000m), maturities.Total);
    }

    [Fact]
    public void AnUnpaidInstalmentDueBeforeTodayIsArrearsNotAMonth()
    {
        var maturities = PrincipalMaturities.Of(Quarterly, Money.FromYuan(10_000m), Today, months: 12);

        Assert.Equal(Money.FromYuan(2_500m), maturities.Overdue);
        Assert.Equal(Money.FromYuan(7_500m), Money.Sum(maturities.ByMonth));
    }

    [Fact]
    public void PrincipalDueAfterTheMonthsCountedIsLater()
    {
        var maturities = PrincipalMaturities.Of(Quarterly, Money.FromYuan(7_500m), Today, months: 3);

        Assert.Equal(3, maturities.ByMonth.Count);
        Assert.Equal(Money.FromYuan(2_500m), maturities.ByMonth[2]);
        Assert.Equal(Money.FromYuan(5_000m), maturities.Later);
    }

    [Fact]
    public void AnInstalmentDueLaterTodaysMonthCountsInTheFirstMonth()
    {
        IReadOnlyList<ScheduledInstalment> bullet = [new(1, new DateOnly(2027, 4, 30), new DateOnly(2026, 4, 30), Money.FromYuan(10_000m), Money.Zero)];

        var maturities = PrincipalMaturities.Of(bullet, Money.FromYuan(10_000m), Today, months: 36);

        Assert.Equal(Money.FromYuan(10_000m), maturities.ByMonth[0]);
    }

    [Fact]
    public void PrincipalNoScheduleAccountsForIsCountedLater()
    {
        var maturities = PrincipalMaturities.Of([], Money.FromYuan(3_000m), Today, months: 36);

        Assert.Equal((Money.FromYuan(3_000m), Money.FromYuan(3_000m)), (maturities.Later, maturities.Total));
    }
}
