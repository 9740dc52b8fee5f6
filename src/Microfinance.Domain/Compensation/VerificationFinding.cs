namespace Microfinance.Domain.Compensation;

/// <summary>
/// What the county offices may find when they verify a claim after its notice (审核确认, 第二十条
/// (三)), each of which refuses it. These need the county's own inquiry — the bank's files, the
/// county's instructions, the household's situation — so they are recorded then, not checked at
/// filing.
/// </summary>
public enum VerificationFinding
{
    /// <summary>
    /// 第二十一条 (二): the bank did not pursue the debt as the rules require, whatever its dunning
    /// dates say (e.g. the recorded visits did not happen).
    /// </summary>
    BankDidNotPursue = 1,

    /// <summary>
    /// 第二十一条 (三): the bank knew of a major event endangering the loan, did not act on it and did
    /// not tell the county ("未及时采取措施并告知").
    /// </summary>
    RiskEventNotReported = 2,

    /// <summary>第二十一条 (四): the bank did not lend as the county instructed ("未按…要求发放贷款").</summary>
    LentOutsideInstructions = 3,

    /// <summary>第二十五条: the loss did not arise from a cause the fund covers (e.g. the stated death or disaster is not borne out).</summary>
    CauseNotCovered = 4,
}
