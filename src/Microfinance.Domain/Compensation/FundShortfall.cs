using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// A fund share larger than the fund. 第二十六条: "对风险补偿资金超过年度存量风险补偿资金额度的，超过部分
/// 由县财政、县扶农办另行安排资金解决" — the fund pays what it holds and the county budget owes the
/// rest; a fund's balance never goes below zero.
/// </summary>
public static class FundShortfall
{
    /// <summary>What the fund pays of <paramref name="fundShare"/> out of <paramref name="balance"/>, and what the county budget owes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fundShare"/> is negative.</exception>
    public static (Money FromFund, Money OwedByCountyBudget) Split(Money fundShare, Money balance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fundShare.Fen, nameof(fundShare));

        var fromFund = Money.Min(fundShare, Money.Max(balance, Money.Zero));
        return (fromFund, fundShare - fromFund);
    }
}
