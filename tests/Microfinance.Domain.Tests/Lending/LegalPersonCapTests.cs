using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Tests.Lending;

public sealed class LegalPersonCapTests
{
    private static readonly CountyPolicy Policy = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

    [Fact]
    public void ALoanFillingWhatTheBorrowersOtherLoansLeaveOfTheCapPasses()
    {
        var exception = Record.Exception(() => LegalPersonCap.Check(Policy, Money.FromYuan(30_000m), Money.FromYuan(20_000m)));

        Assert.Null(exception);
    }

    [Fact]
    public void ALoanWithinTheCapAloneIsRefusedWhenTheBorrowersOtherLoansLeaveTooLittle()
    {
        var exception = Assert.Throws<RuleViolationException>(
            () => LegalPersonCap.Check(Policy, Money.FromYuan(30_000m), Money.FromYuan(20_000.01m)));

        Assert.Equal("LEGAL_PERSON_CAP_EXCEEDED", exception.Reason);
        Assert.Contains("¥20,000.00 remains", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoanAboveTheCapIsRefusedEvenAsTheBorrowersFirst()
    {
        var exception = Assert.Throws<RuleViolationException>(() => LegalPersonCap.Check(Policy, Money.Zero, Money.FromYuan(55_000m)));

        Assert.Equal("LEGAL_PERSON_CAP_EXCEEDED", exception.Reason);
    }
}
