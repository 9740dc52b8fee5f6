using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class RestructuringRuleTests
{
    private static readonly CountyPolicy Policy = CountyPolicy.Default5321(new DateOnly(2020, 1, 1));
    private static readonly DateOnly Maturity = new(2027, 3, 16);

    [Theory]
    [InlineData(6, 12, 6)] // short term: at most the original term
    [InlineData(12, 12, 12)]
    [InlineData(36, 12, 12)] // medium term: half of 36 is 18, the county allows 12
    [InlineData(36, 24, 18)]
    [InlineData(72, 48, 36)] // long term: three years
    public void LongestExtensionIsTheStricterOfTheCountyAndTheGeneralRules(int termMonths, int countyMonths, int expected)
    {
        var policy = Policy with { MaxExtensionMonths = countyMonths };

        Assert.Equal(expected, ExtensionRule.LongestExtensionMonths(policy, termMonths));
    }

    [Fact]
    public void ExtensionOfACurrentLoanBeforeMaturityPasses()
    {
        ExtensionRule.Check(Policy, 12, 12, false, Maturity, Maturity, Maturity);
    }

    [Fact]
    public void APolicyAllowingNoExtensionRefusesEvenAOneMonthExtension()
    {
        var refusal = Assert.Throws<RuleViolationException>(
            () => ExtensionRule.Check(Policy with { MaxExtensionMonths = 0 }, 12, 1, false, Maturity.AddDays(-5), Maturity, null));

        Assert.Equal("EXTENSION_TOO_LONG", refusal.Reason);
        Assert.Contains("allows no extension", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondExtensionIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ExtensionRule.Check(Policy, 12, 3, true, Maturity.AddDays(-5), Maturity, null));

        Assert.Equal("EXTENSION_ALREADY_GRANTED", refusal.Reason);
    }

    [Fact]
    public void ExtensionLongerThanAllowedIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ExtensionRule.Check(Policy, 6, 7, false, Maturity.AddDays(-5), Maturity, null));

        Assert.Equal("EXTENSION_TOO_LONG", refusal.Reason);
    }

    [Fact]
    public void ExtensionAfterMaturityIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ExtensionRule.Check(Policy, 12, 3, false, Maturity.AddDays(1), Maturity, null));

        Assert.Equal("EXTENSION_AFTER_MATURITY", refusal.Reason);
    }

    [Fact]
    public void ExtensionOfALoanInArrearsIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(
            () => ExtensionRule.Check(Policy, 12, 3, false, new DateOnly(2026, 12, 20), Maturity, new DateOnly(2026, 12, 16)));

        Assert.Equal("LOAN_OVERDUE", refusal.Reason);
    }

    [Fact]
    public void RenewalOfACurrentLoanWithInterestPaidPasses()
    {
        RenewalRule.Check(Policy, 36, Maturity, Maturity, Maturity, Money.Zero);
    }

    [Fact]
    public void RenewalBeyondTheLongestTermIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => RenewalRule.Check(Policy, 37, Maturity, Maturity, null, Money.Zero));

        Assert.Equal("TERM_EXCEEDS_POLICY", refusal.Reason);
    }

    [Fact]
    public void RenewalAfterMaturityIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => RenewalRule.Check(Policy, 12, Maturity.AddDays(1), Maturity, null, Money.Zero));

        Assert.Equal("RENEWAL_AFTER_MATURITY", refusal.Reason);
    }

    [Fact]
    public void RenewalWithInterestOwedIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => RenewalRule.Check(Policy, 12, Maturity, Maturity, Maturity, new Money(1)));

        Assert.Equal("INTEREST_UNPAID", refusal.Reason);
    }

    [Fact]
    public void DeferralWithinThePolicyPasses()
    {
        DeferralRule.Check(Policy, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30), 6);
    }

    [Fact]
    public void APolicyAllowingNoDeferralRefusesEvenAOneMonthDeferral()
    {
        var refusal = Assert.Throws<RuleViolationException>(
            () => DeferralRule.Check(Policy with { MaxDeferralMonths = 0 }, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), 1));

        Assert.Equal("DEFERRAL_TOO_LONG", refusal.Reason);
        Assert.Contains("allows no deferral", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeferralLongerThanThePolicyIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => DeferralRule.Check(Policy, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30), 7));

        Assert.Equal("DEFERRAL_TOO_LONG", refusal.Reason);
    }

    [Fact]
    public void DeferralWindowEndingBeforeItStartsIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => DeferralRule.Check(Policy, new DateOnly(2026, 4, 30), new DateOnly(2026, 2, 1), 3));

        Assert.Equal("DEFERRAL_WINDOW_INVALID", refusal.Reason);
    }
}
