using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;

namespace Microfinance.Domain.Tests.Lending;

public sealed class QuotaRuleTests
{
    private static readonly Money Allocated = Money.FromYuan(1_000_000m);

    [Fact]
    public void AmountThatExactlyFillsTheQuotaPasses()
    {
        var exception = Record.Exception(
            () => QuotaRule.CheckRoom(Allocated, Money.FromYuan(950_000m), Money.FromYuan(50_000m), "VILLAGE_QUOTA_EXCEEDED"));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData("VILLAGE_QUOTA_EXCEEDED")]
    [InlineData("LEGAL_PERSON_SHARE_EXCEEDED")]
    public void AmountBeyondTheQuotaIsRefusedWithTheCallersReason(string reason)
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => QuotaRule.CheckRoom(Allocated, Money.FromYuan(950_000m), Money.FromYuan(50_000.01m), reason));

        Assert.Equal(reason, exception.Reason);
    }
}
