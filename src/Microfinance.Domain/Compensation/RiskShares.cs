using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>An amount divided between the parties that bear a loan's risk: the fund, the bank and an insurer.</summary>
/// <param name="Fund">The risk-compensation fund's part (with any shortfall the county budget covers for it).</param>
/// <param name="Bank">The cooperating bank's part.</param>
/// <param name="Insurer">The credit insurer's part; zero for an uninsured loan.</param>
public sealed record RiskShares(Money Fund, Money Bank, Money Insurer)
{
    public static RiskShares None { get; } = new(Money.Zero, Money.Zero, Money.Zero);

    /// <summary>The amount divided.</summary>
    public Money Total => Fund + Bank + Insurer;

    public static RiskShares operator +(RiskShares a, RiskShares b) =>
        new(a.Fund + b.Fund, a.Bank + b.Bank, a.Insurer + b.Insurer);

    public static RiskShares operator -(RiskShares a, RiskShares b) =>
        new(a.Fund - b.Fund, a.Bank - b.Bank, a.Insurer - b.Insurer);
}
