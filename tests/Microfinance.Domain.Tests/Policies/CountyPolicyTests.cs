using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Policies;

public sealed class CountyPolicyTests
{
    private static readonly DateOnly From = new(2024, 1, 1);

    [Fact]
    public void DefaultsReproduceThe5321Policy()
    {
        var policy = new CountyPolicy { EffectiveFrom = From };

        Assert.Equal("5321", policy.Name);
        Assert.Equal(Money.FromYuan(50_000m), policy.HouseholdCap);
        Assert.Null(policy.TopUpCap);
        Assert.Equal(36, policy.MaxTermMonths);
        Assert.Equal(18, policy.MinBorrowerAge);
        Assert.Equal(65, policy.MaxBorrowerAge);
        Assert.Equal(
            new[] { HouseholdCategory.RegisteredPoor, HouseholdCategory.EscapedPoverty, HouseholdCategory.Monitored },
            policy.EligibleCategories.Order());
        Assert.Equal(InterestSource.Benchmark, policy.InterestSource);
        Assert.False(policy.RateMayFloatUp);
        Assert.Equal(100m, policy.SubsidySharePercent);
        Assert.Equal(10, policy.LeverageMultiple);
        Assert.Equal(70m, policy.FundSharePercent);
        Assert.Equal(90, policy.OverdueDaysBeforeClaim);
        Assert.Equal(7, policy.PublicNoticeDays);
        Assert.Null(policy.LendingWindow);
        Assert.Equal(30, policy.ApprovalValidityDays);
        Assert.Equal(30, policy.CollectionPeriodDays);
        Assert.Equal(12, policy.MaxExtensionMonths);
        Assert.Equal(6, policy.MaxDeferralMonths);
    }

    [Fact]
    public void Default5321EqualsTheDefaults()
    {
        var policy = CountyPolicy.Default5321(From);

        Assert.Equal(new CountyPolicy { EffectiveFrom = From }, policy);
    }

    [Fact]
    public void DefaultPolicyIsValid()
    {
        var policy = CountyPolicy.Default5321(From);

        var problems = policy.Validate();

        Assert.Empty(problems);
    }

    [Fact]
    public void OlderPolicyAsDataIsValid()
    {
        var policy = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

        var problems = policy.Validate();

        Assert.Empty(problems);
    }

    [Fact]
    public void OlderPolicyCarriesThe2015Parameters()
    {
        var policy = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

        Assert.Equal("篇1 (2015)", policy.Name);
        Assert.Equal(Money.FromYuan(10_000m), policy.HouseholdCap);
        Assert.Equal(12, policy.MaxTermMonths);
        Assert.Equal(50m, policy.SubsidySharePercent);
        Assert.True(policy.SubsidyOnlyWhenRepaidOnTime);
        Assert.Equal(new LendingWindow(1, 1, 6, 30), policy.LendingWindow);
        Assert.Equal(Money.FromYuan(5_000m), policy.LegalPersonAmountPerDrivenHousehold);
        Assert.Equal(Money.FromYuan(50_000m), policy.LegalPersonCap);
        Assert.Equal(25m, policy.LegalPersonShareOfTownshipQuotaPercent);
    }

    [Fact]
    public void PoliciesWithEqualCategorySetsAreEqual()
    {
        var policy = CountyPolicy.Default5321(From);
        var copy = policy with
        {
            EligibleCategories = new HashSet<HouseholdCategory>
            {
                HouseholdCategory.Monitored,
                HouseholdCategory.EscapedPoverty,
                HouseholdCategory.RegisteredPoor,
            },
        };

        Assert.Equal(policy, copy);
        Assert.Equal(policy.GetHashCode(), copy.GetHashCode());
    }

    [Fact]
    public void PoliciesDifferingInOneParameterAreNotEqual()
    {
        var policy = CountyPolicy.Default5321(From);

        var changed = policy with { ApprovalValidityDays = 31 };

        Assert.NotEqual(policy, changed);
    }

    [Theory]
    [InlineData(nameof(CountyPolicy.CollectionPeriodDays))]
    [InlineData(nameof(CountyPolicy.MaxExtensionMonths))]
    [InlineData(nameof(CountyPolicy.MaxDeferralMonths))]
    public void ServicingParametersTakePartInEquality(string parameter)
    {
        var policy = CountyPolicy.Default5321(From);

        var changed = parameter switch
        {
            nameof(CountyPolicy.CollectionPeriodDays) => policy with { CollectionPeriodDays = 45 },
            nameof(CountyPolicy.MaxExtensionMonths) => policy with { MaxExtensionMonths = 6 },
            _ => policy with { MaxDeferralMonths = 3 },
        };

        Assert.NotEqual(policy, changed);
    }

    [Fact]
    public void NegativeExtensionOrDeferralAndNoCollectionPeriodAreReported()
    {
        var policy = CountyPolicy.Default5321(From) with { CollectionPeriodDays = 0, MaxExtensionMonths = -1, MaxDeferralMonths = -1 };

        var problems = policy.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Parameter == "CollectionPeriodDays");
        Assert.Contains(problems, p => p.Parameter == "MaxExtensionMonths");
        Assert.Contains(problems, p => p.Parameter == "MaxDeferralMonths");
    }

    [Fact]
    public void LegalPersonShareOfATownshipQuotaIsRoundedDownToTheFen()
    {
        var policy = CountyPolicy.Default5321(From);

        var share = policy.LegalPersonShareOf(new Money(1_000_003));

        Assert.Equal(new Money(250_000), share);
    }

    [Fact]
    public void MinimumAgeAboveMaximumIsReported()
    {
        var policy = CountyPolicy.Default5321(From) with { MinBorrowerAge = 70 };

        var problems = policy.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void NonPositiveHouseholdCapIsReported()
    {
        var policy = CountyPolicy.Default5321(From) with { HouseholdCap = Money.Zero };

        var problems = policy.Validate();

        Assert.Single(problems);
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(40_000)]
    public void TopUpCapNotAboveTheHouseholdCapIsReported(int topUpYuan)
    {
        var policy = CountyPolicy.Default5321(From) with { TopUpCap = Money.FromYuan(topUpYuan) };

        var problems = policy.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void TopUpCapAboveTheHouseholdCapIsValid()
    {
        var policy = CountyPolicy.Default5321(From) with { TopUpCap = Money.FromYuan(100_000m) };

        var problems = policy.Validate();

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100.01")]
    public void PercentOutsideZeroToOneHundredIsReported(string percent)
    {
        var policy = CountyPolicy.Default5321(From) with
        {
            FundSharePercent = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture),
        };

        var problems = policy.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void LeverageBelowOneIsReported()
    {
        var policy = CountyPolicy.Default5321(From) with { LeverageMultiple = 0 };

        var problems = policy.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void FiveGuaranteeAmongEligibleCategoriesIsReported()
    {
        var policy = CountyPolicy.Default5321(From) with
        {
            EligibleCategories = new HashSet<HouseholdCategory> { HouseholdCategory.RegisteredPoor, HouseholdCategory.FiveGuarantee },
        };

        var problems = policy.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void InvalidLendingWindowIsReported()
    {
        var policy = CountyPolicy.Default5321(From) with { LendingWindow = new LendingWindow(7, 1, 6, 30) };

        var problems = policy.Validate();

        Assert.Single(problems);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var policy = CountyPolicy.Default5321(From) with { MaxTermMonths = 0, LeverageMultiple = 0, PublicNoticeDays = 0 };

        var problems = policy.Validate();

        Assert.Equal(3, problems.Count);
    }
}
