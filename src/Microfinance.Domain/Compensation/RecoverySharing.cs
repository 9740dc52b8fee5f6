using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// Money recovered after compensation goes back to those who bore the loss. 第二十三条: "追偿到位的
/// 资金按承担风险的比例归还" — pro rata to each side's share of the approved loss.
/// </summary>
/// <remarks>
/// Shares are worked out on the total recovered so far and each recovery gets the difference, so
/// rounding never drifts over many small recoveries: whatever has been recovered is always split
/// exactly as one recovery of that total would be. The fund's and the insurer's shares are rounded
/// down, the bank takes the remainder.
/// </remarks>
public static class RecoverySharing
{
    /// <summary>Each side's part of a recovery of <paramref name="recovered"/> after <paramref name="recoveredBefore"/> was recovered earlier.</summary>
    /// <param name="borne">What each side bore of the approved loss.</param>
    /// <exception cref="RuleViolationException"><c>RECOVERY_EXCEEDS_LOSS</c>: more would be recovered than was lost.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recovered"/> is not positive, or <paramref name="recoveredBefore"/> is negative.</exception>
    public static RiskShares Split(RiskShares borne, Money recoveredBefore, Money recovered)
    {
        ArgumentNullException.ThrowIfNull(borne);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recovered.Fen, nameof(recovered));
        ArgumentOutOfRangeException.ThrowIfNegative(recoveredBefore.Fen, nameof(recoveredBefore));

        var loss = borne.Total;
        var after = recoveredBefore + recovered;
        if (after > loss)
        {
            throw new RuleViolationException(
                "RECOVERY_EXCEEDS_LOSS", $"Recoveries would reach {after}, more than the approved loss of {loss}.");
        }

        return SharesOf(borne, after) - SharesOf(borne, recoveredBefore);
    }

    private static RiskShares SharesOf(RiskShares borne, Money recovered)
    {
        var fund = ProRata.Share(recovered, borne.Fund, borne.Total);
        var insurer = ProRata.Share(recovered, borne.Insurer, borne.Total);
        return new RiskShares(fund, recovered - fund - insurer, insurer);
    }
}
