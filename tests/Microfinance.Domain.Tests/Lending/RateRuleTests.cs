using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Lending;

public sealed class RateRuleTests
{
    private static readonly CountyPolicy Policy = CountyPolicy.Default5321(new DateOnly(2020, 1, 1));
    private static readonly InterestRate Reference = new(435);

    [Theory]
    [InlineData(435)]
    [InlineData(400)]
    public void ContractRateAtOrBelowTheReferencePasses(int contractBasisPoints)
    {
        var exception = Record.Exception(
            () => RateRule.CheckContractRate(Policy, Reference, new InterestRate(contractBasisPoints)));

        Assert.Null(exception);
    }

    [Fact]
    public void ContractRateAboveTheReferenceIsRefused()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => RateRule.CheckContractRate(Policy, Reference, new InterestRate(436)));

        Assert.Equal("RATE_ABOVE_REFERENCE", exception.Reason);
    }

    [Fact]
    public void ContractRateAboveTheReferencePassesWhenThePolicyLetsItFloatUp()
    {
        var floating = Policy with { RateMayFloatUp = true };

        var exception = Record.Exception(() => RateRule.CheckContractRate(floating, Reference, new InterestRate(500)));

        Assert.Null(exception);
    }
}
