using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Servicing;

public sealed class ExistingLoanTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly DateOnly DisbursedOn = new(2025, 3, 15);
    private static readonly Money Amount = Money.FromYuan(30_000m);

    [Fact]
    public void APartlyRepaidLoanWithInterestPaidToItsLastDueDateIsAccepted()
    {
        var balance = new LoanBalance(Money.FromYuan(20_000m), Money.FromYuan(12.50m), Today, new DateOnly(2026, 6, 15));

        var error = Record.Exception(() => ExistingLoan.Check(Amount, 36, DisbursedOn, balance, Amount, Today));

        Assert.Null(error);
    }

    [Theory]
    [InlineData("nothing outstanding")]
    [InlineData("more outstanding than lent")]
    [InlineData("negative unpaid interest")]
    [InlineData("interest paid before disbursement")]
    [InlineData("interest accrued after today")]
    [InlineData("disbursed after today")]
    [InlineData("more within the base cap than lent")]
    [InlineData("no term")]
    public void AnExtractThatDoesNotAddUpIsRefused(string mistake)
    {
        var balance = new LoanBalance(Money.FromYuan(20_000m), Money.Zero, Today, Today);
        var (disbursedOn, termMonths, withinBaseCap) = (DisbursedOn, 36, Amount);
        switch (mistake)
        {
            case "nothing outstanding": balance = balance with { Principal = Money.Zero }; break;
            case "more outstanding than lent": balance = balance with { Principal = Amount + new Money(1) }; break;
            case "negative unpaid interest": balance = balance with { UnpaidInterest = new Money(-1) }; break;
            case "interest paid before disbursement": balance = balance with { InterestPaidThrough = DisbursedOn.AddDays(-1) }; break;
            case "interest accrued after today": balance = balance with { AccruedThrough = Today.AddDays(1) }; break;
            case "disbursed after today": disbursedOn = Today.AddDays(1); break;
            case "more within the base cap than lent": withinBaseCap = Amount + new Money(1); break;
            case "no term": termMonths = 0; break;
        }

        var error = Assert.Throws<RuleViolationException>(() => ExistingLoan.Check(Amount, termMonths, disbursedOn, balance, withinBaseCap, Today));

        Assert.Equal("IMPORTED_LOAN_INCONSISTENT", error.Reason);
    }
}
