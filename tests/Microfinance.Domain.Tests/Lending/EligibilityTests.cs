using Microfinance.Domain.Errors;
using Microfinance.Domain.Households;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Lending;

public sealed class EligibilityTests
{
    private static readonly DateOnly ApplicationDate = new(2024, 3, 15);
    private static readonly CountyPolicy Policy = CountyPolicy.Default5321(new DateOnly(2020, 1, 1));
    private static readonly CountyPolicy Older = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

    private static readonly ApplicantFacts Eligible = new(
        HouseholdCategory.RegisteredPoor,
        LaborCapacity.Ordinary,
        HeadBirthDate: new DateOnly(1980, 5, 10),
        ApplicationDate,
        TermMonths: 36,
        CountyLendingStopped: false);

    [Fact]
    public void EligibleApplicantPassesEveryRule()
    {
        var exception = Record.Exception(() => Eligibility.CheckApplicant(Policy, Eligible));

        Assert.Null(exception);
    }

    [Fact]
    public void FiveGuaranteeHouseholdIsRefusedEvenWhenThePolicyListsIt()
    {
        var lax = Policy with { EligibleCategories = new HashSet<HouseholdCategory>(Enum.GetValues<HouseholdCategory>()) };

        var exception = Assert.Throws<RuleViolationException>(
            () => Eligibility.CheckApplicant(lax, Eligible with { Category = HouseholdCategory.FiveGuarantee }));

        Assert.Equal("FIVE_GUARANTEE_HOUSEHOLD", exception.Reason);
    }

    [Fact]
    public void FiveGuaranteeIsReportedBeforeAnyLaterRule()
    {
        var facts = new ApplicantFacts(
            HouseholdCategory.FiveGuarantee, LaborCapacity.None, new DateOnly(1950, 1, 1), new DateOnly(2024, 8, 1), 99, true);

        var exception = Assert.Throws<RuleViolationException>(() => Eligibility.CheckApplicant(Older, facts));

        Assert.Equal("FIVE_GUARANTEE_HOUSEHOLD", exception.Reason);
    }

    [Fact]
    public void HouseholdThatIsNotFiveGuaranteePassesTheFiveGuaranteeRule()
    {
        var exception = Record.Exception(() => Eligibility.CheckNotFiveGuarantee(HouseholdCategory.Monitored));

        Assert.Null(exception);
    }

    [Fact]
    public void CategoryThePolicyListsPasses()
    {
        var exception = Record.Exception(() => Eligibility.CheckCategory(Policy, HouseholdCategory.EscapedPoverty));

        Assert.Null(exception);
    }

    [Fact]
    public void CategoryThePolicyDoesNotListIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => Eligibility.CheckApplicant(Older, Eligible with { Category = HouseholdCategory.EscapedPoverty, TermMonths = 12 }));

        Assert.Equal("HOUSEHOLD_CATEGORY_NOT_ELIGIBLE", exception.Reason);
    }

    [Fact]
    public void WeakLabourCapacityPasses()
    {
        var exception = Record.Exception(() => Eligibility.CheckLaborCapacity(LaborCapacity.Weak));

        Assert.Null(exception);
    }

    [Fact]
    public void HouseholdWithoutLabourCapacityIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => Eligibility.CheckApplicant(Policy, Eligible with { LaborCapacity = LaborCapacity.None }));

        Assert.Equal("NO_LABOR_CAPACITY", exception.Reason);
    }

    // On 2024-03-15: the 18th birthday itself, and the last day before the 66th birthday.
    [Theory]
    [InlineData(2006, 3, 15)]
    [InlineData(1958, 3, 16)]
    public void BorrowerAgedExactly18Or65Passes(int year, int month, int day)
    {
        var exception = Record.Exception(
            () => Eligibility.CheckAge(Policy, new DateOnly(year, month, day), ApplicationDate));

        Assert.Null(exception);
    }

    // On 2024-03-15: the day before the 18th birthday, and the 66th birthday itself.
    [Theory]
    [InlineData(2006, 3, 16)]
    [InlineData(1958, 3, 15)]
    public void BorrowerAged17Or66IsRefused(int year, int month, int day)
    {
        var facts = Eligible with { HeadBirthDate = new DateOnly(year, month, day) };

        var exception = Assert.Throws<RuleViolationException>(() => Eligibility.CheckApplicant(Policy, facts));

        Assert.Equal("BORROWER_AGE_OUT_OF_RANGE", exception.Reason);
    }

    [Fact]
    public void BorrowerBornOnTwentyNinthFebruaryTurns18OnFirstMarchInACommonYear()
    {
        var exception = Record.Exception(
            () => Eligibility.CheckAge(Policy, new DateOnly(2004, 2, 29), new DateOnly(2022, 3, 1)));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(36)]
    public void TermWithinThePolicyPasses(int termMonths)
    {
        var exception = Record.Exception(() => Eligibility.CheckTerm(Policy, termMonths));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void TermOutsideThePolicyIsRefused(int termMonths)
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => Eligibility.CheckApplicant(Policy, Eligible with { TermMonths = termMonths }));

        Assert.Equal("TERM_EXCEEDS_POLICY", exception.Reason);
    }

    [Fact]
    public void OlderPolicyRefusesATermLongerThanOneYear()
    {
        var exception = Assert.Throws<RuleViolationException>(() => Eligibility.CheckTerm(Older, 13));

        Assert.Equal("TERM_EXCEEDS_POLICY", exception.Reason);
    }

    [Fact]
    public void OlderPolicyLendsOnTheLastDayOfJune()
    {
        var facts = Eligible with { ApplicationDate = new DateOnly(2015, 6, 30), HeadBirthDate = new DateOnly(1970, 1, 1), TermMonths = 12 };

        var exception = Record.Exception(() => Eligibility.CheckApplicant(Older, facts));

        Assert.Null(exception);
    }

    [Fact]
    public void OlderPolicyRefusesToLendAfterJune()
    {
        var facts = Eligible with { ApplicationDate = new DateOnly(2015, 7, 1), HeadBirthDate = new DateOnly(1970, 1, 1), TermMonths = 12 };

        var exception = Assert.Throws<RuleViolationException>(() => Eligibility.CheckApplicant(Older, facts));

        Assert.Equal("OUTSIDE_LENDING_WINDOW", exception.Reason);
    }

    [Fact]
    public void PolicyWithoutAWindowLendsAllYear()
    {
        var exception = Record.Exception(() => Eligibility.CheckLendingWindow(Policy, new DateOnly(2024, 12, 31)));

        Assert.Null(exception);
    }

    [Fact]
    public void CountyThatHasNotStoppedLendingPasses()
    {
        var exception = Record.Exception(() => Eligibility.CheckCountyNotStopped(false));

        Assert.Null(exception);
    }

    [Fact]
    public void ApplicationInACountyThatStoppedLendingIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => Eligibility.CheckApplicant(Policy, Eligible with { CountyLendingStopped = true }));

        Assert.Equal("COUNTY_LENDING_STOPPED", exception.Reason);
    }
}
