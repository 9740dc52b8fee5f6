using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Compensation;

/// <summary>
/// Who bears an approved loss. 第二十二条: "由风险补偿金支付70%，合作金融机构承担30%。参与小额贷款保证
/// 保险的，由保险机构与合作金融机构按照承保比例承担贷款本息损失风险" — in DOMAIN.md's words, "approved
/// loss split: 70% fund, 30% bank; with credit insurance, the insurer and bank share by their cover
/// ratio instead".
/// </summary>
/// <remarks>
/// "Instead" is read literally: an insured loss is shared by the insurer and the bank alone and the
/// fund pays nothing, because the article puts the insured loss outside the 70/30 rule rather than
/// layering insurance on top of it. The insurer's cover applies to the whole loss (its contract is
/// not bound by the base cap); the fund's share applies only to the part the fund covers. Shares
/// of the fund and the insurer are rounded down to the fen, and the bank bears the remainder, so
/// the shares always add up to the loss.
/// </remarks>
public static class LossSharing
{
    /// <summary>Splits <paramref name="loss"/> by the policy's fund share, or by the insurance's cover ratio when insured.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A percentage is outside its range.</exception>
    public static RiskShares Split(ClaimLoss loss, decimal fundSharePercent, CreditInsurance? insurance)
    {
        ArgumentNullException.ThrowIfNull(loss);

        if (insurance is not null)
        {
            if (insurance.CoverPercent is <= 0m or > 100m)
            {
                throw new ArgumentOutOfRangeException(nameof(insurance), insurance.CoverPercent, "The cover ratio must be more than 0% and at most 100%.");
            }

            var insurer = loss.Total.Multiply(insurance.CoverPercent / 100m, MidpointRounding.ToNegativeInfinity);
            return new RiskShares(Money.Zero, loss.Total - insurer, insurer);
        }

        if (fundSharePercent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(fundSharePercent), fundSharePercent, "The fund share must be between 0% and 100%.");
        }

        var fund = loss.Compensable.Multiply(fundSharePercent / 100m, MidpointRounding.ToNegativeInfinity);
        return new RiskShares(fund, loss.Total - fund, Money.Zero);
    }
}
