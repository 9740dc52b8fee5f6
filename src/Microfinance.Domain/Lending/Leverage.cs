using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Lending;

/// <summary>
/// 第十三条: "合作银行按照风险补偿金总量1:10的比例放贷" — a bank's outstanding fund-backed principal
/// stays within a multiple of its risk-compensation fund balance.
/// </summary>
public static class Leverage
{
    /// <summary>Checks that <paramref name="committedPrincipal"/> plus <paramref name="amount"/> stays within the multiple of the balance.</summary>
    /// <param name="committedPrincipal">The bank's outstanding and reserved fund-backed principal.</param>
    /// <exception cref="RuleViolationException"><c>FUND_LEVERAGE_EXCEEDED</c></exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leverageMultiple"/> is less than 1.</exception>
    public static void CheckHeadroom(int leverageMultiple, Money fundBalance, Money committedPrincipal, Money amount)
    {
        var limit = Limit(leverageMultiple, fundBalance);
        if (committedPrincipal + amount > limit)
        {
            throw new RuleViolationException(
                "FUND_LEVERAGE_EXCEEDED",
                $"Fund-backed principal would reach {committedPrincipal + amount}, above {limit}, which is {leverageMultiple}× the fund balance of {fundBalance} (第十三条).");
        }
    }

    /// <summary>How much more fund-backed principal the bank may lend; never negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leverageMultiple"/> is less than 1.</exception>
    public static Money Headroom(int leverageMultiple, Money fundBalance, Money committedPrincipal) =>
        Money.Max(Limit(leverageMultiple, fundBalance) - committedPrincipal, Money.Zero);

    private static Money Limit(int leverageMultiple, Money fundBalance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leverageMultiple, 1);

        // A fund paid out below zero (第二十六条 shortfall) backs nothing, rather than a negative limit.
        return new Money(checked(Money.Max(fundBalance, Money.Zero).Fen * leverageMultiple));
    }
}
