using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// Money recovered after compensation goes back to those who bore the loss. 第二十三条: "追偿到位的
/// 资金按承担风险的比例归还" — pro rata to each side's share of the approved loss; but "对贷款人恶意逃避
/// 债务的，依法向人民法院提起诉讼，收回的资金归还风险补偿金专户" — what a suit recovers goes to the fund.
/// </summary>
/// <remarks>
/// Pro-rata shares are worked out on the total shared so far and each recovery gets the difference,
/// so rounding never drifts over many small recoveries: whatever has been shared is always split
/// exactly as one recovery of that total would be. The fund's and the insurer's shares are rounded
/// down, the bank takes the remainder.
/// </remarks>
public static class RecoverySharing
{
    /// <summary>Each side's part of a recovery of <paramref name="recovered"/> after the recoveries <paramref name="before"/>.</summary>
    /// <param name="borne">What each side bore of the approved loss.</param>
    /// <param name="throughLitigation">Whether a suit against malicious evasion recovered it: then the fund takes it all.</param>
    /// <exception cref="RuleViolationException"><c>RECOVERY_EXCEEDS_LOSS</c>: more would be recovered than was lost.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recovered"/> is not positive.</exception>
    public static RiskShares Split(RiskShares borne, IReadOnlyList<ClaimRecovery> before, Money recovered, bool throughLitigation)
    {
        ArgumentNullException.ThrowIfNull(borne);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recovered.Fen, nameof(recovered));

        var loss = borne.Total;
        var after = Money.Sum(before.Select(recovery => recovery.Amount)) + recovered;
        if (after > loss)
        {
            throw new RuleViolationException(
                "RECOVERY_EXCEEDS_LOSS", $"Recoveries would reach {after}, more than the approved loss of {loss}.");
        }

        if (throughLitigation)
        {
            return new RiskShares(recovered, Money.Zero, Money.Zero);
        }

        var shared = Money.Sum(before.Where(recovery => !recovery.ThroughLitigation).Select(recovery => recovery.Amount));
        return SharesOf(borne, shared + recovered) - SharesOf(borne, shared);
    }

    private static RiskShares SharesOf(RiskShares borne, Money recovered)
    {
        var fund = ProRata.Share(recovered, borne.Fund, borne.Total);
        var insurer = ProRata.Share(recovered, borne.Insurer, borne.Total);
        return new RiskShares(fund, recovered - fund - insurer, insurer);
    }
}
