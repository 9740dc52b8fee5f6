using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class LoanSubsidyTests
{
    private static readonly CountyPolicy Policy5321 = CountyPolicy.Default5321(new DateOnly(2020, 1, 1));
    private static readonly Money FiftyThousand = Money.FromYuan(50_000m);

    private static SubsidisedLoan Loan(
        DateOnly disbursedOn, InterestRate rate, IReadOnlyList<DatedPayment>? repayments = null, IReadOnlyList<ContractRenewal>? renewals = null) =>
        new(disbursedOn, FiftyThousand, rate, FiftyThousand, repayments ?? [], renewals ?? [], null);

    [Fact]
    public void AMonthBeforeTheDisbursementHasNoSubsidy()
    {
        var subsidy = LoanSubsidy.ForMonth(Policy5321, 2024, 5, Loan(new DateOnly(2024, 6, 1), new InterestRate(475)));

        Assert.Equal(new MonthlySubsidy(Money.Zero, Money.Zero, Money.Zero), subsidy);
    }

    [Fact]
    public void RepaymentsOnOneDayLowerThePrincipalTogetherFromThatDay()
    {
        var repayments = new[]
        {
            new DatedPayment(new DateOnly(2024, 3, 16), Money.FromYuan(10_000m), true),
            new DatedPayment(new DateOnly(2024, 3, 16), Money.FromYuan(20_000m), true),
        };

        var subsidy = LoanSubsidy.ForMonth(Policy5321, 2024, 3, Loan(new DateOnly(2024, 3, 1), new InterestRate(475), repayments));

        // 1–15 March on 50,000.00: × 4.75% × 15 / 360 = 98.958…; 16–31 March on 20,000.00: × 4.75% × 16 / 360 = 42.222…
        // Together 141.180… → 141.18, subsidised in full under 5321.
        Assert.Equal(new MonthlySubsidy(Money.FromYuan(141.18m), Money.FromYuan(141.18m), Money.FromYuan(141.18m)), subsidy);
    }

    [Fact]
    public void EachContractOfARenewedLoanSettlesItsOwnDaysAtItsOwnRate()
    {
        var renewals = new[] { new ContractRenewal(new DateOnly(2024, 6, 16), new InterestRate(475)) };

        var subsidy = LoanSubsidy.ForMonth(
            Policy5321, 2024, 6, Loan(new DateOnly(2023, 6, 15), new InterestRate(385), renewals: renewals));

        // Old contract, 1–15 June: 50,000.00 × 4.75% × 15 / 360 = 98.958… → 98.96;
        // the renewal, 16–30 June: 50,000.00 × 3.85% × 15 / 360 = 80.208… → 80.21. Each rounds on its own.
        Assert.Equal(new MonthlySubsidy(Money.FromYuan(179.17m), Money.FromYuan(179.17m), Money.FromYuan(179.17m)), subsidy);
    }
}
