
namespace Microfinance.Domain.Compensation;

/// <summary>
/// What a bank files a compensation claim with, one per loan (第二十条 (一): "逐户组织风险补偿申请
/// 材料，提交贷款坏账相关证明材料和追索情况").
/// </summary>
/// <param name="BankCode">The filing bank; it must be the bank that lent.</param>
/// <param name="Cause">Why the loan was lost (第二十五条).</param>
/// <param name="CauseDescription">The circumstances, e.g. the date and certificate of death.</param>
/// <param name="Dunning">The collection record (追索情况): every dunning of the borrower, in any order.</param>
/// <param name="Insurance">The loan's credit insurance, or null when it has none.</param>
public sealed record ClaimFiling(
    string BankCode,
    LossCause Cause,
    string CauseDescription,
    IReadOnlyList<DunningAction> Dunning,
    CreditInsurance? Insurance);
