namespace Microfinance.Domain.Loans;

/// <summary>
/// Where a loan is in 户申请 → 村初审 → 乡审核 → 县复查 → 银行审定 → 放款.
/// <see cref="Disbursing"/> is a durable intent: a loan found in it after a crash is driven to
/// completion. <see cref="Approving"/> was one too, stored by earlier versions, and is rolled back.
/// </summary>
public enum LoanStage
{
    /// <summary>户申请: the household (or legal person) applied.</summary>
    Applied = 1,

    /// <summary>村初审: the village committee passed its first review.</summary>
    VillageReviewed = 2,

    /// <summary>乡审核: the township passed its review.</summary>
    TownshipReviewed = 3,

    /// <summary>县复查: the county passed its re-check.</summary>
    CountyReviewed = 4,

    /// <summary>银行审定 in progress (earlier versions): reservations were being taken.</summary>
    Approving = 5,

    /// <summary>银行审定: the bank approved; quota, fund headroom and household cap are reserved.</summary>
    Approved = 6,

    /// <summary>The bank reported the disbursement; reservations are being confirmed.</summary>
    Disbursing = 7,

    /// <summary>放款: disbursed; the reservations became usage.</summary>
    Disbursed = 8,

    /// <summary>Rejected at some step, with a reason.</summary>
    Rejected = 9,

    /// <summary>Withdrawn by the borrower before disbursement.</summary>
    Withdrawn = 10,

    /// <summary>The approval lapsed before the bank disbursed; reservations were released.</summary>
    Expired = 11,

    /// <summary>结清: principal and interest fully repaid.</summary>
    Closed = 12,

    /// <summary>
    /// 风险补偿: the risk-compensation fund paid its share of the loss (第二十二条); the loan leaves the
    /// overdue books, and money collected afterwards is a recovery on the claim (第二十三条).
    /// </summary>
    Compensated = 13,
}
