using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class PeriodPrincipalTests
{
    /// <summary>Four quarterly instalments of 2,500 principal each through 2027.</summary>
    private static readonly IReadOnlyList<ScheduledInstalment> Quarterly =
    [
        new(1, new DateOnly(2027, 3, 20), new DateOnly(2026, 12, 20), Money.FromYuan(2_500m), Money.Zero),
        new(2, new DateOnly(2027, 6, 20), new DateOnly(2027, 3, 20), Money.FromYuan(2_500m), Money.Zero),
        new(3, new DateOnly(2027, 9, 20), new DateOnly(2027, 6, 20), Money.FromYuan(2_500m), Money.Zero),
        new(4, new DateOnly(2027, 12, 20), new DateOnly(2027, 9, 20), Money.FromYuan(2_500m), Money.Zero),
    ];

    [Fact]
    public void WhatFellDueInThePeriodIsRepaidAsFarAsTheEarliestInstalmentsArePaid()
    {
        // 4,000 repaid: the first instalment in full, 1,500 of the second.
        var half = PeriodPrincipal.Of(Quarterly, Money.FromYuan(6_000m), new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30));

        Assert.Equal((Money.FromYuan(5_000m), Money.FromYuan(4_000m)), (half.Due, half.Repaid));
    }

    [Fact]
    public void AnInstalmentOutsideThePeriodIsNotCounted()
    {
        var third = PeriodPrincipal.Of(Quarterly, Money.FromYuan(6_000m), new DateOnly(2027, 7, 1), new DateOnly(2027, 9, 30));

        Assert.Equal((Money.FromYuan(2_500m), Money.Zero), (third.Due, third.Repaid));
    }
}
