using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class SubsidyCalculatorTests
{
    private static readonly CountyPolicy Policy5321 = CountyPolicy.Default5321(new DateOnly(2020, 1, 1));

    // Local 2024–25 example: top-up to 100,000 without subsidy on the part above 50,000, 70% subsidy.
    private static readonly CountyPolicy TopUp70 = Policy5321 with
    {
        TopUpCap = Money.FromYuan(100_000m),
        SubsidySharePercent = 70m,
    };

    private static readonly Money FiftyThousand = Money.FromYuan(50_000m);

    private static SubsidyFacts Loan50000(int year, int month, DateOnly? firstMissedDueDate = null) => new(
        year,
        month,
        new InterestRate(475),
        FiftyThousand,
        [new PrincipalBalance(new DateOnly(2023, 6, 15), FiftyThousand)],
        firstMissedDueDate);

    [Fact]
    public void MonthRepaidOnTimeIsSubsidisedInFullOnEveryDay()
    {
        var subsidy = SubsidyCalculator.ForMonth(Policy5321, Loan50000(2024, 2));

        // February 2024 has 29 days: 50,000.00 × 4.75% × 29 / 360 = 191.319… → 191.32; 100% subsidy.
        Assert.Equal(
            new MonthlySubsidy(Money.FromYuan(191.32m), Money.FromYuan(191.32m), Money.FromYuan(191.32m)),
            subsidy);
    }

    [Fact]
    public void SubsidyStopsOnTheDueDateMissedMidMonth()
    {
        var subsidy = SubsidyCalculator.ForMonth(Policy5321, Loan50000(2024, 6, new DateOnly(2024, 6, 15)));

        // Accrued, 30 days: 50,000.00 × 4.75% × 30 / 360 = 197.916… → 197.92
        // Subsidised 1–14 June (从到期之日起不予贴息: 15 June is the first unsubsidised day):
        // 50,000.00 × 4.75% × 14 / 360 = 92.361… → 92.36
        Assert.Equal(
            new MonthlySubsidy(Money.FromYuan(197.92m), Money.FromYuan(92.36m), Money.FromYuan(92.36m)),
            subsidy);
    }

    [Fact]
    public void NoSubsidyInTheMonthsAfterAMissedDueDate()
    {
        var subsidy = SubsidyCalculator.ForMonth(Policy5321, Loan50000(2024, 7, new DateOnly(2024, 6, 15)));

        // The household still owes July's interest: 50,000.00 × 4.75% × 31 / 360 = 204.513… → 204.51
        Assert.Equal(new MonthlySubsidy(Money.FromYuan(204.51m), Money.Zero, Money.Zero), subsidy);
    }

    [Fact]
    public void MissedDueDateDoesNotStopSubsidyWhenThePolicyDoesNotRequireRepaymentOnTime()
    {
        var lenient = Policy5321 with { SubsidyOnlyWhenRepaidOnTime = false };

        var subsidy = SubsidyCalculator.ForMonth(lenient, Loan50000(2024, 6, new DateOnly(2024, 6, 15)));

        // 50,000.00 × 4.75% × 30 / 360 = 197.916… → 197.92
        Assert.Equal(Money.FromYuan(197.92m), subsidy.Subsidy);
    }

    [Fact]
    public void LoanDisbursedMidMonthAccruesFromItsDisbursementDay()
    {
        var facts = new SubsidyFacts(
            2024, 3, new InterestRate(475), FiftyThousand, [new PrincipalBalance(new DateOnly(2024, 3, 20), FiftyThousand)], null);

        var subsidy = SubsidyCalculator.ForMonth(Policy5321, facts);

        // 20–31 March = 12 days (the disbursement day accrues): 50,000.00 × 4.75% × 12 / 360 = 79.166… → 79.17
        Assert.Equal(Money.FromYuan(79.17m), subsidy.Subsidy);
    }

    [Fact]
    public void PrincipalRepaidMidMonthAccruesOnEachBalanceForItsDays()
    {
        var facts = new SubsidyFacts(
            2024,
            4,
            new InterestRate(475),
            FiftyThousand,
            [
                new PrincipalBalance(new DateOnly(2024, 1, 31), FiftyThousand),
                new PrincipalBalance(new DateOnly(2024, 4, 10), Money.FromYuan(30_000m)),
            ],
            null);

        var subsidy = SubsidyCalculator.ForMonth(Policy5321, facts);

        // 1–9 April on 50,000.00: 50,000.00 × 4.75% × 9 / 360 = 59.375
        // 10–30 April on 30,000.00: 30,000.00 × 4.75% × 21 / 360 = 83.125
        // 59.375 + 83.125 = 142.50 (rounded once, for the month)
        Assert.Equal(Money.FromYuan(142.50m), subsidy.Subsidy);
    }

    [Fact]
    public void TopUpAboveTheBaseCapIsNotSubsidised()
    {
        var facts = new SubsidyFacts(
            2024, 4, new InterestRate(395), FiftyThousand, [new PrincipalBalance(new DateOnly(2024, 3, 20), Money.FromYuan(80_000m))], null);

        var subsidy = SubsidyCalculator.ForMonth(TopUp70, facts);

        // 36 months at the 5-year LPR of 3.95% (from 20 Feb 2024); April has 30 days.
        // Accrued on 80,000.00: 80,000.00 × 3.95% × 30 / 360 = 263.333… → 263.33
        // Subsidisable on 50,000.00: 50,000.00 × 3.95% × 30 / 360 = 164.583… → 164.58
        // Subsidy: 164.583… × 70% = 115.208… → 115.21
        Assert.Equal(
            new MonthlySubsidy(Money.FromYuan(263.33m), Money.FromYuan(164.58m), Money.FromYuan(115.21m)),
            subsidy);
    }

    [Fact]
    public void TopUpIsSubsidisedWhenThePolicySaysSo()
    {
        var facts = new SubsidyFacts(
            2024, 4, new InterestRate(395), FiftyThousand, [new PrincipalBalance(new DateOnly(2024, 3, 20), Money.FromYuan(80_000m))], null);

        var subsidy = SubsidyCalculator.ForMonth(TopUp70 with { TopUpSubsidised = true }, facts);

        // 80,000.00 × 3.95% × 30 / 360 = 263.333…; × 70% = 184.333… → 184.33
        Assert.Equal(Money.FromYuan(184.33m), subsidy.Subsidy);
    }

    [Fact]
    public void RepaymentsReduceTheUnsubsidisedTopUpFirst()
    {
        var facts = new SubsidyFacts(
            2024,
            5,
            new InterestRate(395),
            FiftyThousand,
            [
                new PrincipalBalance(new DateOnly(2024, 3, 20), Money.FromYuan(80_000m)),
                new PrincipalBalance(new DateOnly(2024, 5, 1), Money.FromYuan(60_000m)),
            ],
            null);

        var subsidy = SubsidyCalculator.ForMonth(TopUp70, facts);

        // 60,000.00 outstanding all May (31 days), of which min(60,000, 50,000) = 50,000.00 subsidised.
        // Accrued: 60,000.00 × 3.95% × 31 / 360 = 204.083… → 204.08
        // Subsidisable: 50,000.00 × 3.95% × 31 / 360 = 170.069… → 170.07; × 70% = 119.048… → 119.05
        Assert.Equal(
            new MonthlySubsidy(Money.FromYuan(204.08m), Money.FromYuan(170.07m), Money.FromYuan(119.05m)),
            subsidy);
    }

    [Fact]
    public void OlderPolicySubsidisesHalfTheInterestRoundingHalfAFenUp()
    {
        var older = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));
        var loan = Money.FromYuan(10_000m);
        var facts = new SubsidyFacts(
            2016, 6, new InterestRate(435), loan, [new PrincipalBalance(new DateOnly(2016, 3, 15), loan)], null);

        var subsidy = SubsidyCalculator.ForMonth(older, facts);

        // 1-year benchmark 4.35%; June has 30 days: 10,000.00 × 4.35% × 30 / 360 = 36.25
        // 50% (篇1): 36.25 × 50% = 18.125 → 18.13 (half away from zero)
        Assert.Equal(
            new MonthlySubsidy(Money.FromYuan(36.25m), Money.FromYuan(36.25m), Money.FromYuan(18.13m)),
            subsidy);
    }

    [Fact]
    public void BalancesOutOfDateOrderAreRejected()
    {
        var facts = Loan50000(2024, 6) with
        {
            Balances =
            [
                new PrincipalBalance(new DateOnly(2024, 5, 1), FiftyThousand),
                new PrincipalBalance(new DateOnly(2024, 4, 1), FiftyThousand),
            ],
        };

        Assert.Throws<ArgumentException>(() => SubsidyCalculator.ForMonth(Policy5321, facts));
    }
}
