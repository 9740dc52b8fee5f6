using Microfinance.Domain.Errors;

namespace Microfinance.Domain.Finance;

/// <summary>
/// The largest amounts the platform holds, so that no sum or product of its money can overflow a
/// <see cref="long"/> of fen (about 9.2×10^18 fen, 92 thousand trillion yuan).
/// </summary>
/// <remarks>
/// One amount — a fund entry, a quota, a loan, a repayment, a recovery — is at most
/// <see cref="MaxAmount"/>, one trillion yuan: more than all poverty microcredit lent nationwide in
/// 2014–2020 (about 710 billion yuan), so a province's whole budget fits with room to spare. A
/// balance or total kept over many amounts — a fund's balance, a region's allocations — is at most
/// <see cref="MaxTotal"/>, a hundred trillion yuan. That leaves a factor of 900 below the limit of
/// <see cref="long"/>: two totals add, and a total times a leverage multiple (at most 100,
/// <c>PolicyLimits</c>) multiplies, without overflow.
/// </remarks>
public static class MoneyBounds
{
    /// <summary>The most one amount may be: 1,000,000,000,000 yuan (10^14 fen).</summary>
    public static readonly Money MaxAmount = new(100_000_000_000_000);

    /// <summary>The most a balance or total may reach: 100,000,000,000,000 yuan (10^16 fen).</summary>
    public static readonly Money MaxTotal = new(10_000_000_000_000_000);

    /// <summary>Whether <paramref name="amount"/> lies between zero and <see cref="MaxAmount"/>.</summary>
    public static bool IsWithinMaxAmount(Money amount) => amount.Fen >= 0 && amount <= MaxAmount;

    /// <summary>
    /// Refuses to add <paramref name="amount"/> to <paramref name="total"/> when the sum would pass
    /// <see cref="MaxTotal"/>; computed without overflow whatever the operands.
    /// </summary>
    /// <param name="reason">The reason to report, e.g. <c>FUND_BALANCE_LIMIT_EXCEEDED</c>.</param>
    /// <param name="what">What the total is, for the message, e.g. <c>The fund balance</c>.</param>
    /// <exception cref="RuleViolationException">With <paramref name="reason"/>, when the sum would pass the bound.</exception>
    public static void CheckTotal(Money total, Money amount, string reason, string what)
    {
        if ((Int128)total.Fen + amount.Fen > MaxTotal.Fen)
        {
            throw new RuleViolationException(
                reason, $"{what} would pass {MaxTotal}, the most the platform holds; {amount} cannot be added to {total}.");
        }
    }
}
