namespace Microfinance.Domain.Compensation;

/// <summary>
/// Credit guarantee insurance on a loan (小额贷款保证保险). 第二十二条: "参与小额贷款保证保险的，由
/// 保险机构与合作金融机构按照承保比例承担贷款本息损失风险" — the insurer bears its cover ratio of
/// the loss, the bank the rest.
/// </summary>
/// <param name="Insurer">The insurance company.</param>
/// <param name="PolicyNumber">The insurance policy's number.</param>
/// <param name="CoverPercent">The share of the loss the insurer bears, in percent (more than 0, at most 100).</param>
public sealed record CreditInsurance(string Insurer, string PolicyNumber, decimal CoverPercent);
