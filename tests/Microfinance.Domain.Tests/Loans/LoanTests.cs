using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Tests.Loans;

/// <summary>The loan stage by stage, without a cluster: each step returns the loan after it, or the rule that refused it.</summary>
public sealed class LoanTests
{
    private static readonly DateOnly AppliedOn = new(2026, 3, 16);
    private static readonly DateTimeOffset Morning = new(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly AdminCode Village = AdminCode.Parse("530102001001");
    private static readonly CountyPolicy Policy = CountyPolicy.Default5321(new DateOnly(2026, 1, 1));
    private static readonly Money Amount = Money.FromYuan(30_000m);
    private static readonly InterestRate Rate = new(435);

    [Fact]
    public void AnApplicationWaitsForTheVillagesReview()
    {
        var loan = Applied();

        Assert.Equal(LoanStage.Applied, loan.Stage);
        Assert.Equal(AdminCode.Parse("530102001"), loan.Township);
        Assert.Equal((LoanStage.Applied, LoanParty.Borrower, "apply"), (loan.History[0].Stage, loan.History[0].Party, loan.History[0].RequestId));
        Assert.Null(loan.Approval);
        Assert.Null(loan.Account);
        Assert.Null(loan.Contribution);
    }

    [Fact]
    public void ReviewsGoUpTheChainVillageTownshipCounty()
    {
        var reviewed = CountyReviewed();

        Assert.Equal(LoanStage.CountyReviewed, reviewed.Stage);
        Assert.Equal([LoanParty.Borrower, LoanParty.Village, LoanParty.Township, LoanParty.County], reviewed.History.Select(e => e.Party));
    }

    [Theory]
    [InlineData(LoanParty.Township)]
    [InlineData(LoanParty.County)]
    [InlineData(LoanParty.Bank)]
    public void OnlyTheVillageReviewsAFreshApplication(LoanParty party)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => Applied().Review(party, "ok", By("review")));

        Assert.Equal("LOAN_STAGE_INVALID", refusal.Reason);
    }

    [Fact]
    public void TheBankApprovesOnlyAfterTheCounty()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => Applied().Approve(Approval(), By("approve")));

        Assert.Equal("LOAN_STAGE_INVALID", refusal.Reason);
    }

    [Fact]
    public void AnApprovalFixesTheContractAndHoldsReservations()
    {
        var approved = Approved();

        Assert.Equal(LoanStage.Approved, approved.Stage);
        Assert.Equal(Rate, approved.Approval!.Rate);
        Assert.True(approved.HoldsReservations);
        Assert.Null(approved.Contribution);
    }

    [Fact]
    public void ARateAboveTheReferenceIsRefusedAndNoneGivenMeansTheReferenceRate()
    {
        var loan = CountyReviewed();

        var refusal = Assert.Throws<RuleViolationException>(() => loan.PriceFor(Policy, AppliedOn, new InterestRate(2_000)));

        Assert.Equal("RATE_ABOVE_REFERENCE", refusal.Reason);
        Assert.Equal(InterestRateTable.Default.ReferenceRate(Policy.InterestSource, AppliedOn, 12), loan.PriceFor(Policy, AppliedOn, null));
    }

    [Fact]
    public void AnApprovalLapsesAtItsExpiryAndCannotBeDisbursedAfter()
    {
        var approved = Approved();
        var expiry = approved.Approval!.ExpiresAt!.Value;

        Assert.False(approved.HasLapsed(expiry.AddTicks(-1)));
        Assert.True(approved.HasLapsed(expiry));
        var expired = approved.Expire(expiry);
        var refusal = Assert.Throws<RuleViolationException>(() => expired.Disburse(AppliedOn, AppliedOn, By("disburse")));

        Assert.Equal(LoanStage.Expired, expired.Stage);
        Assert.False(expired.HoldsReservations);
        Assert.Equal("APPROVAL_EXPIRED", refusal.Reason);
    }

    [Fact]
    public void ADisbursementOpensTheAccountAndAsksForAVisitAfterTheFirstDueDate()
    {
        var step = Approved().Disburse(AppliedOn, AppliedOn, By("disburse"));

        var account = step.Loan.Account!;
        Assert.Equal(LoanStage.Disbursing, step.Loan.Stage);
        Assert.Equal(LoanStage.Disbursed, step.Loan.History[^1].Stage);
        Assert.Equal(Amount, account.Balance.Principal);
        Assert.Equal(Amount, Money.Sum(account.Schedule.Select(i => i.Principal)));
        Assert.Equal(account.Schedule[0].DueDate.AddDays(1), step.Visit);
        Assert.Equal(new TallyContribution(OverdueBucket.Current, Amount, Amount), step.Loan.Contribution);
    }

    [Fact]
    public void ADisbursementDatedAfterTodayIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => Approved().Disburse(AppliedOn.AddDays(1), AppliedOn, By("disburse")));

        Assert.Equal("DATE_IN_FUTURE", refusal.Reason);
    }

    [Fact]
    public void ADisbursementDatedBeforeTheApprovalIsRefused()
    {
        var today = AppliedOn.AddDays(3);

        var refusal = Assert.Throws<RuleViolationException>(() => Approved().Disburse(AppliedOn.AddDays(-1), today, By("disburse")));
        var onTheDay = Approved().Disburse(AppliedOn, today, By("disburse"));

        Assert.Equal("DISBURSED_BEFORE_APPROVAL", refusal.Reason);
        Assert.Equal(AppliedOn, onTheDay.Loan.Account!.DisbursedOn);
    }

    [Fact]
    public void ARepaymentDatedBeforeTheDisbursementIsRefused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => Disbursed().Repay(AppliedOn.AddDays(-1), Money.FromYuan(100m), AppliedOn, By("repay")));

        Assert.Equal("REPAYMENT_BEFORE_LAST_ONE", refusal.Reason);
    }

    [Fact]
    public void AConfirmedDisbursementIsInServiceAndIsConfirmedOnce()
    {
        var disbursed = Disbursed();

        Assert.Equal(LoanStage.Disbursed, disbursed.Stage);
        Assert.Equal("LOAN_STAGE_INVALID", Assert.Throws<RuleViolationException>(disbursed.ConfirmDisbursement).Reason);
    }

    [Fact]
    public void ARepaymentPaysInterestFirstAndLowersTheContribution()
    {
        var loan = Disbursed();
        var paidOn = AppliedOn.AddDays(30);
        var interest = loan.Account!.Balance.InterestDueOn(Rate, paidOn);

        var step = loan.Repay(paidOn, interest + Money.FromYuan(10_000m), paidOn, By("repay"));

        var repayment = step.Loan.Account!.Repayments.Single();
        Assert.Equal((interest, Money.FromYuan(10_000m)), (repayment.InterestPaid, repayment.PrincipalPaid));
        Assert.Equal(Money.FromYuan(20_000m), step.Loan.Contribution!.Principal);
        Assert.Null(step.Visit);
    }

    [Fact]
    public void PayingEverythingClosesTheLoanAndItLeavesTheTallies()
    {
        var loan = Disbursed();
        var paidOn = AppliedOn.AddDays(30);
        var owed = loan.Account!.Balance.InterestDueOn(Rate, paidOn) + Amount;

        var closed = loan.Repay(paidOn, owed, paidOn, By("repay")).Loan;

        Assert.Equal(LoanStage.Closed, closed.Stage);
        Assert.Null(closed.Contribution);
        Assert.Equal("LOAN_CLOSED", Assert.Throws<RuleViolationException>(() => closed.Repay(paidOn, Money.FromYuan(1m), paidOn, By("again"))).Reason);
    }

    [Fact]
    public void NinetyDaysPastDueMakesTheLoanNonPerformingAndAPaymentInArrearsAsksForAVisit()
    {
        var loan = Disbursed();
        var firstDue = loan.Account!.Schedule[0].DueDate;
        var day = firstDue.AddDays(95);

        var aged = loan.Age(day, day, Morning.AddDays(200));
        var again = aged.Loan.Age(day, day, Morning.AddDays(200));
        var payment = aged.Loan.Repay(day, Money.FromYuan(100m), day, By("repay"));

        Assert.Equal(OverdueBucket.Over90, aged.Loan.Account!.Bucket);
        Assert.True(aged.Loan.IsNonPerforming);
        Assert.Equal(firstDue, aged.Loan.Account.FirstMissedDueDate);
        Assert.Equal("日终", aged.Loan.History[^1].Actor);
        Assert.Equal(aged.Loan, again.Loan);
        Assert.Equal(day, payment.Visit);
    }

    [Fact]
    public void ACompensatedLoanIsALossAndLeavesTheTallies()
    {
        var compensated = Disbursed().Compensate(AppliedOn.AddDays(200), "claim C-1", Morning.AddDays(200));

        Assert.Equal(LoanStage.Compensated, compensated.Stage);
        Assert.True(compensated.IsNonPerforming);
        Assert.Null(compensated.Contribution);
        Assert.Equal("LOAN_COMPENSATED", Assert.Throws<RuleViolationException>(() => compensated.Compensate(AppliedOn, "again", Morning)).Reason);
    }

    [Fact]
    public void TheBankMayRejectItsApprovalButTheBorrowerCannotWithdrawAfterDisbursement()
    {
        var rejected = Approved().Reject(LoanParty.Bank, "资料不全", By("reject"));
        var refusal = Assert.Throws<RuleViolationException>(() => Disbursed().Withdraw("不要了", By("withdraw")));

        Assert.Equal(LoanStage.Rejected, rejected.Stage);
        Assert.Equal("LOAN_STAGE_INVALID", refusal.Reason);
    }

    [Fact]
    public void AnExtensionNeedsANewRatingAndMovesTheMaturity()
    {
        var loan = Disbursed();
        var maturity = loan.Account!.Schedule[^1].DueDate;

        var unrated = Assert.Throws<RuleViolationException>(() => loan.Extend(6, " ", AppliedOn, By("extend")));
        var extended = loan.Extend(6, "AA", AppliedOn, By("extend")).Loan;

        Assert.Equal("NEW_RATING_REQUIRED", unrated.Reason);
        Assert.Equal(maturity.AddMonths(6), extended.Account!.Schedule[^1].DueDate);
        Assert.Equal(RestructuringKind.Extension, extended.Account.Restructurings.Single().Kind);
    }

    [Fact]
    public void ARenewalStartsANewContractAtItsOwnRate()
    {
        var loan = Disbursed();
        var maturity = loan.Account!.Schedule[^1].DueDate;
        var interest = loan.Account.Balance.InterestDueOn(Rate, maturity);
        var settled = loan.Repay(maturity, interest, maturity, By("interest")).Loan;

        var renewed = settled.Renew(12, "AA", Policy, new InterestRate(400), null, maturity, By("renew")).Loan;

        Assert.Equal(new InterestRate(400), renewed.Approval!.Rate);
        Assert.Equal(LoanBalance.Disbursed(Amount, maturity), renewed.Account!.Balance);
        Assert.Equal(new PaymentBaseline(maturity, maturity, Amount, 1), renewed.Account.Baseline);
        Assert.Equal(maturity.AddMonths(12), renewed.Account.Schedule[^1].DueDate);
    }

    [Fact]
    public void ACountyDeferralMovesTheDueDatesInItsWindowOnce()
    {
        var loan = Disbursed();
        var firstDue = loan.Account!.Schedule[0].DueDate;

        var outside = Assert.Throws<RuleViolationException>(() =>
            loan.Defer("D-1", firstDue.AddDays(1), firstDue.AddDays(2), 3, "灾害", AppliedOn, By("")));
        var step = loan.Defer("D-1", firstDue, firstDue, 3, "灾害", AppliedOn, By(""));

        Assert.Equal("DEFERRAL_NOT_APPLICABLE", outside.Reason);
        Assert.Equal(firstDue.AddMonths(3), step.Loan.Account!.Schedule[0].DueDate);
        Assert.True(step.Loan.WasDeferredBy("D-1"));
        Assert.Equal(AppliedOn, step.Visit);
        Assert.Equal(LoanParty.County, step.Loan.History[^1].Party);
    }

    [Fact]
    public void ALoanTakenOverInArrearsKeepsItsMissAndWhatWasRepaidAtTheBank()
    {
        var disbursedOn = new DateOnly(2025, 3, 1);
        var today = new DateOnly(2026, 3, 16);
        var balance = new LoanBalance(Money.FromYuan(20_000m), Money.Zero, new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 1));
        var approval = new LoanApproval(Policy, Rate, RepaymentTerms.Default, Amount, Amount, null, null, null);

        var step = Loan.TakeOver("L-OLD", Application(), Village, approval, disbursedOn, balance, null, today, By("import"));

        var account = step.Loan.Account!;
        Assert.Equal(LoanStage.Disbursed, step.Loan.Stage);
        Assert.Equal(OverdueBucket.Over90, account.Bucket);
        Assert.NotNull(account.MissedBefore);
        Assert.Equal(account.MissedBefore, account.FirstMissedDueDate);
        Assert.Equal(Money.FromYuan(10_000m), account.Repayments.Single().PrincipalPaid);
        Assert.Equal(new PaymentBaseline(today, balance.InterestPaidThrough, balance.Principal, 1), account.Baseline);
    }

    private static LoanApplication Application() => new("530102001001-0007", "RCC", Amount, 12, "种植", "种植业", null);

    private static LoanRequest By(string requestId) => new("tester", requestId, Morning);

    private static LoanApproval Approval() => new(Policy, Rate, RepaymentTerms.Default, Amount, Amount, Morning.AddDays(Policy.ApprovalValidityDays), AppliedOn, null);

    private static Loan Applied() => Loan.Apply("L-1", Application(), Village.County, Village, AppliedOn, By("apply"));

    private static Loan CountyReviewed() => Applied()
        .Review(LoanParty.Village, "村初审", By("village"))
        .Review(LoanParty.Township, "乡审核", By("township"))
        .Review(LoanParty.County, "县复查", By("county"));

    private static Loan Approved() => CountyReviewed().Approve(Approval(), By("approve"));

    private static Loan Disbursed() => Approved().Disburse(AppliedOn, AppliedOn, By("disburse")).Loan.ConfirmDisbursement();
}
