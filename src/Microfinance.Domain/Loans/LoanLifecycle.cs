using Microfinance.Domain.Errors;

namespace Microfinance.Domain.Loans;

/// <summary>
/// The order of the review chain (户申请、村初审、乡审核、县复查、银行审定): which party may act at
/// which stage. Every transition that is not listed here is refused with <c>LOAN_STAGE_INVALID</c>.
/// </summary>
public static class LoanLifecycle
{
    /// <summary>The stage a party's approval moves a loan to from <paramref name="stage"/>.</summary>
    public static LoanStage AfterReview(LoanStage stage, LoanParty party) => (stage, party) switch
    {
        (LoanStage.Applied, LoanParty.Village) => LoanStage.VillageReviewed,
        (LoanStage.VillageReviewed, LoanParty.Township) => LoanStage.TownshipReviewed,
        (LoanStage.TownshipReviewed, LoanParty.County) => LoanStage.CountyReviewed,
        (LoanStage.CountyReviewed, LoanParty.Bank) => LoanStage.Approving,
        _ => throw Invalid(stage, $"{party} review"),
    };

    /// <summary>The party whose review is due at <paramref name="stage"/>, or null when none is.</summary>
    public static LoanParty? ReviewerDue(LoanStage stage) => stage switch
    {
        LoanStage.Applied => LoanParty.Village,
        LoanStage.VillageReviewed => LoanParty.Township,
        LoanStage.TownshipReviewed => LoanParty.County,
        LoanStage.CountyReviewed => LoanParty.Bank,
        _ => null,
    };

    /// <summary>Whether the loan still holds reservations that a rejection or withdrawal must release.</summary>
    public static bool HoldsReservations(LoanStage stage) => stage is LoanStage.Approving or LoanStage.Approved;

    /// <summary>Whether the bank has paid the loan out: its reservations became usage, for good.</summary>
    public static bool WasDisbursed(LoanStage stage) =>
        stage is LoanStage.Disbursing or LoanStage.Disbursed or LoanStage.Closed or LoanStage.Compensated;

    /// <summary>Checks that the reviewer due at this stage may reject (or the bank, after approving).</summary>
    public static void EnsureRejectable(LoanStage stage, LoanParty party)
    {
        var allowed = ReviewerDue(stage) == party || (stage == LoanStage.Approved && party == LoanParty.Bank);
        if (!allowed)
        {
            throw Invalid(stage, $"{party} rejection");
        }
    }

    /// <summary>Checks that the borrower may still withdraw: any time before disbursement.</summary>
    public static void EnsureWithdrawable(LoanStage stage)
    {
        if (stage is not (LoanStage.Applied or LoanStage.VillageReviewed or LoanStage.TownshipReviewed
            or LoanStage.CountyReviewed or LoanStage.Approved))
        {
            throw Invalid(stage, "withdrawal");
        }
    }

    /// <summary>Checks that a disbursement may be recorded: only on an approved loan.</summary>
    public static void EnsureDisbursable(LoanStage stage)
    {
        if (stage != LoanStage.Approved)
        {
            throw Invalid(stage, "disbursement");
        }
    }

    /// <summary>Checks that a repayment may be recorded: only on a disbursed loan not yet closed.</summary>
    public static void EnsureRepayable(LoanStage stage) => EnsureInService(stage, "repayment");

    /// <summary>
    /// Checks that a disbursed loan not yet closed may take <paramref name="action"/> (a repayment,
    /// an extension, a renewal).
    /// </summary>
    public static void EnsureInService(LoanStage stage, string action)
    {
        if (stage == LoanStage.Closed)
        {
            throw new RuleViolationException("LOAN_CLOSED", "The loan is fully repaid (结清); nothing is owed.");
        }

        if (stage == LoanStage.Compensated)
        {
            throw new RuleViolationException(
                "LOAN_COMPENSATED", "The fund compensated the loan; what is collected now is a recovery on its claim (第二十三条).");
        }

        if (stage != LoanStage.Disbursed)
        {
            throw Invalid(stage, action);
        }
    }

    private static RuleViolationException Invalid(LoanStage stage, string action) =>
        new("LOAN_STAGE_INVALID", $"A loan at stage {stage} does not accept a {action}.");
}
