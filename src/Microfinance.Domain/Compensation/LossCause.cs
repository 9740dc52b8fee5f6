namespace Microfinance.Domain.Compensation;

/// <summary>
/// Why a loan was lost — the causes 第二十五条 lets the risk-compensation fund cover: "借款人死亡、
/// 丧失劳动能力等原因丧失收入来源或收入不足清偿贷款的；因重大自然灾害等不可抗拒因素…；县金融扶贫工作
/// 领导小组认为其它需要进行补偿的".
/// </summary>
public enum LossCause
{
    /// <summary>The borrower died and the household lost its income (第二十五条 1).</summary>
    BorrowerDeath = 1,

    /// <summary>The borrower lost the ability to work and the household its income (第二十五条 1).</summary>
    LossOfWorkingAbility = 2,

    /// <summary>A major natural disaster or other force majeure ruined the borrower's business (第二十五条 2).</summary>
    NaturalDisaster = 3,

    /// <summary>
    /// Another cause, compensated only because the leading group approves the claim (第二十五条 3):
    /// its approval is that decision.
    /// </summary>
    Other = 4,
}
