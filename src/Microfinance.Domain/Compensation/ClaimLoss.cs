using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// The principal-and-interest loss a claim is for (贷款本息损失, 第十三条), and the part of it the
/// fund covers. The part of the principal above the household base cap is not compensated unless
/// the policy says so (2021–: "超过5万元部分不享受贴息和风险补偿"); the loan's fund-backed principal
/// already says how much is covered, so the covered part is the principal up to it and the interest
/// on that principal.
/// </summary>
/// <param name="Principal">Principal outstanding.</param>
/// <param name="Interest">Interest due and unpaid.</param>
/// <param name="FundBacked">
/// The loan's fund-backed principal at disbursement: within the base cap, or all of it when the
/// policy compensates top-ups. Repayments reduce the top-up first, so the covered principal is the
/// smaller of this and <paramref name="Principal"/>.
/// </param>
public sealed record ClaimLoss(Money Principal, Money Interest, Money FundBacked)
{
    /// <summary>Principal and interest lost.</summary>
    public Money Total => Principal + Interest;

    /// <summary>The principal the fund covers.</summary>
    public Money CompensablePrincipal => Money.Min(Principal, FundBacked);

    /// <summary>The interest on <see cref="CompensablePrincipal"/>: its share of the interest, rounded down.</summary>
    public Money CompensableInterest =>
        Principal.IsZero ? Money.Zero : ProRata.Share(Interest, CompensablePrincipal, Principal);

    /// <summary>The loss the fund covers: what its share is taken of.</summary>
    public Money Compensable => CompensablePrincipal + CompensableInterest;

    /// <summary>
    /// The loss after the borrower repaid <paramref name="repaid"/> since it was assessed: interest
    /// first, then principal (先息后本), as the loan applies a repayment.
    /// </summary>
    /// <exception cref="RuleViolationException"><c>LOAN_REPAID</c>: the repayments cover the whole loss.</exception>
    public ClaimLoss LessRepaid(Money repaid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repaid.Fen, nameof(repaid));

        if (repaid >= Total)
        {
            throw new RuleViolationException(
                "LOAN_REPAID", $"The borrower has repaid {repaid} since the claim was filed, covering the whole loss of {Total}.");
        }

        var toInterest = Money.Min(repaid, Interest);
        return this with { Interest = Interest - toInterest, Principal = Principal - (repaid - toInterest) };
    }
}
