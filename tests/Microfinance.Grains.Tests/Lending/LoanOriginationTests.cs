using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Lending;

[Collection(ClusterCollection.Name)]
public sealed class LoanOriginationTests(ClusterFixture fixture)
{
    private static readonly Money TwentyThousand = Money.FromYuan(20_000m);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ADisbursedLoanHasWalkedTheWholeReviewChainAndCountsAgainstEveryLimit()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        var loan = await branch.ReviewedLoanAsync(household, TwentyThousand);
        await loan.ApproveAsync(null, "信用社信贷员", "approve");

        var disbursed = await loan.RecordDisbursementAsync(fixture.TodayIn(branch.County), "信用社信贷员", "disburse");

        Assert.Equal(LoanStage.Disbursed, disbursed.Stage);
        Assert.Equal(
            [LoanStage.Applied, LoanStage.VillageReviewed, LoanStage.TownshipReviewed, LoanStage.CountyReviewed, LoanStage.Approved, LoanStage.Disbursed],
            disbursed.History.Select(e => e.Stage));
        Assert.Equal(TwentyThousand, (await branch.VillageGrain.GetQuotaAsync()).Used);
        Assert.Equal(TwentyThousand, (await branch.Fund.GetPositionAsync()).Outstanding);
        var loans = await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync();
        Assert.Equal([new HouseholdLoan(disbursed.LoanId, TwentyThousand, HouseholdLoanStatus.Disbursed, false)], loans);
    }

    [Fact]
    public async Task ApprovalFixesTheReferenceRateAndThePolicyVersion()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand, termMonths: 36);

        var approved = await loan.ApproveAsync(null, "信用社信贷员", "approve");

        Assert.Equal(new InterestRate(475), approved.ContractRate);
        Assert.Equal(branch.Policy, approved.Policy);
    }

    [Fact]
    public async Task AReviewOutOfOrderIsRefused()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        await loan.ApplyAsync(LendingBranch.Application(await branch.NewHouseholdAsync(), TwentyThousand), "户主", "apply");

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.ReviewAsync(LoanParty.Township, "乡镇", "越级审核", "township"));

        Assert.Equal("LOAN_STAGE_INVALID", error.Reason);
    }

    [Fact]
    public async Task ABankRejectionAfterApprovalReleasesTheReservations()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand);
        await loan.ApproveAsync(null, "信用社信贷员", "approve");

        var rejected = await loan.RejectAsync(LoanParty.Bank, "信用社信贷员", "借款人放弃", "reject");

        Assert.Equal(LoanStage.Rejected, rejected.Stage);
        Assert.Equal(Money.Zero, (await branch.VillageGrain.GetQuotaAsync()).Reserved);
        Assert.Equal(Money.Zero, (await branch.Fund.GetPositionAsync()).Reserved);
    }

    [Fact]
    public async Task AWithdrawalAfterApprovalFreesTheHouseholdCap()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        var loan = await branch.ReviewedLoanAsync(household, Money.FromYuan(50_000m));
        await loan.ApproveAsync(null, "信用社信贷员", "approve");
        await loan.WithdrawAsync("户主", "不再需要", "withdraw");
        var second = await branch.ReviewedLoanAsync(household, Money.FromYuan(50_000m));

        var approved = await second.ApproveAsync(null, "信用社信贷员", "approve");

        Assert.Equal(LoanStage.Approved, approved.Stage);
    }

    [Fact]
    public async Task ReplayedApprovalAndDisbursementApplyOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand);
        await loan.ApproveAsync(null, "信用社信贷员", "approve");
        var today = fixture.TodayIn(branch.County);
        await loan.RecordDisbursementAsync(today, "信用社信贷员", "disburse");

        await Task.WhenAll(
            loan.ApproveAsync(null, "信用社信贷员", "approve"),
            loan.RecordDisbursementAsync(today, "信用社信贷员", "disburse"));

        Assert.Equal(TwentyThousand, (await branch.VillageGrain.GetQuotaAsync()).Used);
        Assert.Equal(TwentyThousand, (await branch.Fund.GetPositionAsync()).Outstanding);
        Assert.Equal(6, (await loan.GetAsync()).History.Count);
    }

    [Fact]
    public async Task AnApprovalNotDisbursedInTimeLapsesAndReleasesItsReservations()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand);
        await loan.ApproveAsync(null, "信用社信贷员", "approve");
        fixture.Clock.Advance(TimeSpan.FromDays(branch.Policy.ApprovalValidityDays));

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.RecordDisbursementAsync(new DateOnly(2026, 4, 15), "信用社信贷员", "disburse"));

        Assert.Equal("APPROVAL_EXPIRED", error.Reason);
        Assert.Equal(LoanStage.Expired, (await loan.GetAsync()).Stage);
        Assert.Equal(Money.Zero, (await branch.VillageGrain.GetQuotaAsync()).Reserved);
    }

    [Fact]
    public async Task ALapsedReservationIsSettledWithItsLoanBeforeTheRoomIsLentAgain()
    {
        var branch = await LendingBranch.CreateAsync(Grains, villageQuota: TwentyThousand);
        var lapsing = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand);
        await lapsing.ApproveAsync(null, "信用社信贷员", "approve");
        var next = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand);
        fixture.Clock.Advance(TimeSpan.FromDays(branch.Policy.ApprovalValidityDays + 2));

        // The village asks the lapsed reservation's loan, which answers that its approval expired.
        await next.ApproveAsync(null, "信用社信贷员", "approve");

        Assert.Equal(TwentyThousand, (await branch.VillageGrain.GetQuotaAsync()).Reserved);
        Assert.Equal(LoanStage.Expired, (await lapsing.GetAsync()).Stage);
    }

    [Fact]
    public async Task LapsedLoansExpiringWhileTheirVillageReservesForOthersLeaveOnlyTheFreshReservationsCounting()
    {
        const int Loans = 16;
        var branch = await LendingBranch.CreateAsync(Grains);
        var lapsing = await ReviewedLoansAsync(branch, Loans);
        await Task.WhenAll(lapsing.Select(loan => loan.ApproveAsync(null, "信用社信贷员", "approve")));
        var fresh = await ReviewedLoansAsync(branch, Loans);
        fixture.Clock.Advance(TimeSpan.FromDays(branch.Policy.ApprovalValidityDays + 2));

        // Each lapsed loan, asked to disburse, expires and releases its quota at the village, while the
        // village, reserving for a fresh loan, asks the lapsed loans about their reservations.
        var refusals = Task.WhenAll(lapsing.Select(loan =>
            Assert.ThrowsAsync<RuleViolationException>(() => loan.RecordDisbursementAsync(fixture.Today, "信用社信贷员", "disburse"))));
        var approvals = Task.WhenAll(fresh.Select(loan => loan.ApproveAsync(null, "信用社信贷员", "approve")));
        await Task.WhenAll(refusals, approvals).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.All(await refusals, refusal => Assert.Equal("APPROVAL_EXPIRED", refusal.Reason));
        Assert.Equal(TwentyThousand.Multiply(Loans, MidpointRounding.ToEven), (await branch.VillageGrain.GetQuotaAsync()).Reserved);
    }

    private static async Task<ILoanGrain[]> ReviewedLoansAsync(LendingBranch branch, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ => await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand)));

    [Fact]
    public async Task TheStageAHolderIsToldIsExpiredOnceTheApprovalLapsesAndAskingChangesNothing()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand);
        await loan.ApproveAsync(null, "信用社信贷员", "approve");
        Assert.Equal(LoanStage.Approved, (await loan.GetStandingAsync())?.Stage);

        fixture.Clock.Advance(TimeSpan.FromDays(branch.Policy.ApprovalValidityDays));

        Assert.Equal(LoanStage.Expired, (await loan.GetStandingAsync())?.Stage);
        Assert.Equal(TwentyThousand, (await branch.Fund.GetPositionAsync()).Reserved);
    }

    [Fact]
    public async Task ARefusedApprovalLeavesTheLoanWithTheCountyAndHoldsNothing()
    {
        var branch = await LendingBranch.CreateAsync(Grains, villageQuota: Money.FromYuan(10_000m));
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), TwentyThousand);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApproveAsync(null, "信用社信贷员", "approve"));

        Assert.Equal("VILLAGE_QUOTA_EXCEEDED", error.Reason);
        Assert.Equal(LoanStage.CountyReviewed, (await loan.GetAsync()).Stage);
        Assert.Equal(Money.Zero, (await branch.Fund.GetPositionAsync()).Reserved);
        Assert.Equal(Money.Zero, (await Grains.GetGrain<IHouseholdGrain>((await loan.GetAsync()).Application.Borrower).ListLoansAsync())[0].Committed);
    }

    [Fact]
    public async Task TheTopUpAboveTheBaseCapIsNotBackedByTheFund()
    {
        var policy = CountyPolicy.Default5321(new DateOnly(2021, 1, 1)) with { TopUpCap = Money.FromYuan(100_000m) };
        var branch = await LendingBranch.CreateAsync(Grains, policy);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Money.FromYuan(80_000m));

        var approved = await loan.ApproveAsync(null, "信用社信贷员", "approve");

        Assert.Equal(Money.FromYuan(50_000m), approved.FundBacked);
        Assert.Equal(Money.FromYuan(50_000m), (await branch.Fund.GetPositionAsync()).Reserved);
        Assert.Equal(Money.FromYuan(80_000m), (await branch.VillageGrain.GetQuotaAsync()).Reserved);
    }
}
