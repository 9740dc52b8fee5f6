using Microfinance.Domain.Errors;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Policies;

public sealed class PolicyHistoryTests
{
    private static readonly CountyPolicy Older = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));
    private static readonly CountyPolicy Current = CountyPolicy.Default5321(new DateOnly(2017, 3, 1));

    [Fact]
    public void VersionsAreOrderedByEffectiveDateWhateverTheOrderAdded()
    {
        var history = new PolicyHistory().With(Current).With(Older);

        Assert.Equal(new[] { Older, Current }, history.Versions);
    }

    [Fact]
    public void WithLeavesTheOriginalHistoryUnchanged()
    {
        var empty = new PolicyHistory();

        _ = empty.With(Current);

        Assert.Empty(empty.Versions);
    }

    [Fact]
    public void SecondVersionOnTheSameDateIsRejected()
    {
        var history = new PolicyHistory().With(Current);

        var exception = Assert.Throws<RuleViolationException>(
            () => history.With(Current with { Name = "other" }));

        Assert.Equal("POLICY_VERSION_EXISTS", exception.Reason);
    }

    [Theory]
    [InlineData(2015, 1, 1, "篇1 (2015)")]
    [InlineData(2017, 2, 28, "篇1 (2015)")]
    [InlineData(2017, 3, 1, "5321")]
    [InlineData(2030, 1, 1, "5321")]
    public void InForceOnGivesTheLatestVersionThatHasTakenEffect(int year, int month, int day, string expectedName)
    {
        var history = new PolicyHistory().With(Older).With(Current);

        var policy = history.InForceOn(new DateOnly(year, month, day));

        Assert.Equal(expectedName, policy.Name);
    }

    [Fact]
    public void DateBeforeEveryVersionHasNoPolicyInForce()
    {
        var history = new PolicyHistory().With(Older);

        var exception = Assert.Throws<RuleViolationException>(() => history.InForceOn(new DateOnly(2014, 12, 31)));

        Assert.Equal("NO_POLICY_IN_FORCE", exception.Reason);
    }
}
