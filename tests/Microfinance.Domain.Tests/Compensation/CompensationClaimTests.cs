using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Compensation;

/// <summary>A claim step by step, without a cluster, on a loan that missed its first due date and was dunned monthly since.</summary>
public sealed class CompensationClaimTests
{
    private static readonly DateOnly DisbursedOn = new(2026, 1, 5);
    private static readonly DateTimeOffset At = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly AdminCode Village = AdminCode.Parse("530102001001");
    private static readonly CountyPolicy Policy = CountyPolicy.Default5321(new DateOnly(2026, 1, 1));
    private static readonly Money Amount = Money.FromYuan(30_000m);

    [Fact]
    public void TheLendingBankFilesForTheLossOfPrincipalAndInterestAsOfFiling()
    {
        var (loan, filedOn) = InArrears();

        var claim = CompensationClaim.File(loan, Filing(filedOn), filedOn, By("file"));

        Assert.Equal(ClaimStatus.Filed, claim.Status);
        Assert.Equal(Village, claim.NoticeBoard);
        Assert.Equal(loan.Account!.Schedule[0].DueDate, claim.OldestUnpaidDueDate);
        Assert.Equal(new ClaimLoss(Amount, loan.Account.Balance.InterestDueOn(loan.Approval!.Rate, filedOn), Amount), claim.Loss);
        Assert.Equal((ClaimAction.Filed, "file"), (claim.History.Single().Action, claim.History.Single().RequestId));
    }

    [Fact]
    public void AnotherBankOrAClaimBeforeNinetyDaysIsRefused()
    {
        var (loan, filedOn) = InArrears();
        var firstDue = loan.Account!.Schedule[0].DueDate;

        var otherBank = Assert.Throws<RuleViolationException>(() =>
            CompensationClaim.File(loan, Filing(filedOn) with { BankCode = "ABC" }, filedOn, By("file")));
        var early = Assert.Throws<RuleViolationException>(() =>
            CompensationClaim.File(loan, Filing(firstDue.AddDays(60)), firstDue.AddDays(60), By("file")));

        Assert.Equal("NOT_THE_LENDING_BANK", otherBank.Reason);
        Assert.Equal("CLAIM_TOO_EARLY", early.Reason);
    }

    [Fact]
    public void AnUpheldObjectionEndsTheClaim()
    {
        var (claim, postedOn) = UnderNotice();

        var objected = claim.RaiseObjection("村民甲", "户主外出务工，并未病故", postedOn.AddDays(1), By("object"));
        var ended = objected.ResolveObjection(1, upheld: true, "核实属实", By("resolve"));

        Assert.True(objected.ObjectionOpen);
        Assert.Equal((ClaimStatus.Rejected, "OBJECTION_UPHELD"), (ended.Status, ended.RejectionReason));
        Assert.Equal("县扶贫办", ended.Objections.Single().ResolvedBy);
    }

    [Fact]
    public void VerificationWaitsForTheNoticeAndAFindingRejects()
    {
        var (claim, postedOn) = UnderNotice();

        var early = Assert.Throws<RuleViolationException>(() => claim.Verify([], "ok", postedOn.AddDays(6), By("verify")));
        var rejected = claim.Verify([VerificationFinding.BankDidNotPursue], "催收不力", postedOn.AddDays(7), By("verify"));

        Assert.Equal("NOTICE_PERIOD_NOT_OVER", early.Reason);
        Assert.Equal(ClaimStatus.Rejected, rejected.Status);
        Assert.NotNull(rejected.RejectionReason);
    }

    [Fact]
    public void AnApprovalTakesOffWhatTheBorrowerPaidSinceFilingAndSharesTheRest()
    {
        var (claim, postedOn) = UnderNotice();
        var verified = claim.Verify([], "ok", postedOn.AddDays(7), By("verify"));
        var (loan, filedOn) = InArrears();
        var paid = loan.Repay(filedOn, Money.FromYuan(1_000m), filedOn, By("repay")).Loan;

        var approved = verified.Approve("县财〔2026〕12号", paid, postedOn.AddDays(8), By("approve"));

        Assert.Equal(ClaimStatus.Approving, approved.Status);
        Assert.Equal(claim.Loss.LessRepaid(Money.FromYuan(1_000m)), approved.ApprovedLoss);
        Assert.Equal(approved.ApprovedLoss!.Total, approved.Shares!.Total);
    }

    [Fact]
    public void APayoutCompensatesAndRecoveriesAreSharedBackOnlyAfterIt()
    {
        var (claim, postedOn) = UnderNotice();
        var (loan, _) = InArrears();
        var approved = claim.Verify([], "ok", postedOn.AddDays(7), By("verify")).Approve("县财〔2026〕12号", loan, postedOn.AddDays(8), By("approve"));
        var paidOn = postedOn.AddDays(9);

        var compensated = approved.Compensate(approved.Shares!.Fund, Money.Zero, paidOn, At);
        var before = Assert.Throws<RuleViolationException>(() =>
            compensated.RecordRecovery(paidOn.AddDays(-1), Money.FromYuan(100m), false, "追回", paidOn, By("recover")));
        var recovered = compensated.RecordRecovery(paidOn, Money.FromYuan(1_000m), false, "追回", paidOn, By("recover"));

        Assert.Equal((ClaimStatus.Compensated, paidOn), (compensated.Status, compensated.CompensatedOn));
        Assert.Equal("RECOVERY_BEFORE_COMPENSATION", before.Reason);
        Assert.Equal(Money.FromYuan(1_000m), recovered.Recovered);
        Assert.Equal(Money.FromYuan(1_000m), recovered.Recoveries.Single().Shares.Total);
        Assert.Equal("CLAIM_STAGE_INVALID", Assert.Throws<RuleViolationException>(() => compensated.Compensate(Money.Zero, Money.Zero, paidOn, At)).Reason);
    }

    [Fact]
    public void AClaimTheTownshipDoesNotEndorseIsRejectedAndOneItHasNotSignedIsNotVerified()
    {
        var (loan, filedOn) = InArrears();
        var posted = CompensationClaim.File(loan, Filing(filedOn), filedOn, By("file")).PostNotice(filedOn, By("notice"));

        var unsigned = Assert.Throws<RuleViolationException>(() => posted.Verify([], "ok", filedOn.AddDays(7), By("verify")));
        var refused = posted.SignOffAtTownship(false, "借款人家中尚有劳动力", By("sign-off"));

        Assert.Equal("TOWNSHIP_SIGN_OFF_MISSING", unsigned.Reason);
        Assert.Equal((ClaimStatus.Rejected, "TOWNSHIP_NOT_ENDORSED"), (refused.Status, refused.RejectionReason));
        Assert.False(refused.SignedOffByTownship);
    }

    [Fact]
    public void TheBankWithdrawsAVerifiedClaimAndItTakesNoFurtherStep()
    {
        var (claim, postedOn) = UnderNotice();
        var (loan, _) = InArrears();
        var verified = claim.Verify([], "ok", postedOn.AddDays(7), By("verify"));

        var withdrawn = verified.Withdraw("借款人家属已代为还清欠款", By("withdraw"));
        var approval = Assert.Throws<RuleViolationException>(() => withdrawn.Approve("县财〔2026〕12号", loan, postedOn.AddDays(8), By("approve")));

        Assert.Equal(ClaimStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(ClaimAction.Withdrawn, withdrawn.History[^1].Action);
        Assert.Equal("CLAIM_WITHDRAWN", approval.Reason);
    }

    [Fact]
    public void TheCountyBudgetSettlesTheShortfallOnceAndOnlyWhereThereIsOne()
    {
        var (claim, postedOn) = UnderNotice();
        var (loan, _) = InArrears();
        var approved = claim.Verify([], "ok", postedOn.AddDays(7), By("verify")).Approve("县财〔2026〕12号", loan, postedOn.AddDays(8), By("approve"));
        var paidOn = postedOn.AddDays(9);
        var shortfall = Money.FromYuan(2_000m);
        var shortOfFunds = approved.Compensate(approved.Shares!.Fund - shortfall, shortfall, paidOn, At);
        var inFull = approved.Compensate(approved.Shares!.Fund, Money.Zero, paidOn, At);

        var settled = shortOfFunds.SettleShortfall(paidOn.AddDays(5), "县财政局〔2026〕3号", paidOn.AddDays(5), By("settle"));

        Assert.Equal((Money.Zero, shortfall), (shortOfFunds.SettledByCountyBudget, settled.SettledByCountyBudget));
        Assert.Equal("SHORTFALL_ALREADY_SETTLED", Refusal(() => settled.SettleShortfall(paidOn.AddDays(5), "再拨", paidOn.AddDays(5), By("again"))));
        Assert.Equal("NO_SHORTFALL", Refusal(() => inFull.SettleShortfall(paidOn, "县财政局〔2026〕3号", paidOn, By("settle"))));
        Assert.Equal("DATE_IN_FUTURE", Refusal(() => shortOfFunds.SettleShortfall(paidOn.AddDays(1), "县财政局〔2026〕3号", paidOn, By("settle"))));
        Assert.Equal("SHORTFALL_PAID_BEFORE_COMPENSATION", Refusal(() => shortOfFunds.SettleShortfall(paidOn.AddDays(-1), "县财政局〔2026〕3号", paidOn, By("settle"))));
    }

    [Fact]
    public void WhatASuitRecoversGoesToTheFundWhole()
    {
        var (claim, postedOn) = UnderNotice();
        var (loan, _) = InArrears();
        var approved = claim.Verify([], "ok", postedOn.AddDays(7), By("verify")).Approve("县财〔2026〕12号", loan, postedOn.AddDays(8), By("approve"));
        var paidOn = postedOn.AddDays(9);
        var compensated = approved.Compensate(approved.Shares!.Fund, Money.Zero, paidOn, At);

        var recovered = compensated.RecordRecovery(paidOn, Money.FromYuan(1_000m), true, "（2026）云0124执123号", paidOn, By("recover"));

        var recovery = Assert.Single(recovered.Recoveries);
        Assert.True(recovery.ThroughLitigation);
        Assert.Equal(new RiskShares(Money.FromYuan(1_000m), Money.Zero, Money.Zero), recovery.Shares);
    }

    private static string Refusal(Action step) => Assert.Throws<RuleViolationException>(step).Reason;

    /// <summary>A loan whose first due date went unpaid, 100 days on, with monthly dunning since.</summary>
    private static (Loan Loan, DateOnly Today) InArrears()
    {
        var loan = Loan.Apply("L-1", new LoanApplication("530102001001-0007", "RCC", Amount, 12, "种植", "种植业", null), Village.County, Village, DisbursedOn, By("apply"))
            .Review(LoanParty.Village, "", By("v"))
            .Review(LoanParty.Township, "", By("t"))
            .Review(LoanParty.County, "", By("c"))
            .Approve(new LoanApproval(Policy, new InterestRate(435), RepaymentTerms.Default, Amount, Amount, At.AddDays(30), DisbursedOn, null), By("approve"))
            .Disburse(DisbursedOn, DisbursedOn, By("disburse")).Loan
            .ConfirmDisbursement();
        var today = loan.Account!.Schedule[0].DueDate.AddDays(100);
        return (loan.Age(today, today, At.AddDays(200)).Loan, today);
    }

    private static ClaimFiling Filing(DateOnly filedOn)
    {
        var missed = filedOn.AddDays(-100);
        return new ClaimFiling(
            "RCC",
            LossCause.BorrowerDeath,
            "户主病故",
            [.. Enumerable.Range(1, 4).Select(month => new DunningAction(missed.AddDays(month * 25), DunningMethod.Visit, "上门催收"))],
            null);
    }

    private static (CompensationClaim Claim, DateOnly PostedOn) UnderNotice()
    {
        var (loan, filedOn) = InArrears();
        var claim = CompensationClaim.File(loan, Filing(filedOn), filedOn, By("file"));
        return (claim.PostNotice(filedOn, By("notice")).SignOffAtTownship(true, "情况属实，同意上报", By("sign-off")), filedOn);
    }

    private static LoanRequest By(string requestId) => new("县扶贫办", requestId, At);
}
