using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>The bank files a claim: accepted when the loan is 90 days overdue and collection was kept up, refused otherwise with nothing recorded.</summary>
[Collection(CompensationCollection.Name)]
public sealed class ClaimFilingTests(ClusterFixture fixture)
{
    private static readonly Money Principal = Money.FromYuan(40_000m);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly TodayIn(LendingBranch branch) => fixture.TodayIn(branch.County);

    [Fact]
    public async Task AFiledClaimIsForThePrincipalAndInterestLostAsOfFiling()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await (await ClaimSteps.UnpaidLoanAsync(fixture, branch, Principal)).GetAsync();
        var claim = Grains.GetGrain<ICompensationClaimGrain>(loan.LoanId);

        var filed = await claim.FileAsync(ClaimSteps.Filing(ClaimSteps.SteadyDunning(loan, TodayIn(branch))), "信贷员", "file");

        // 40,000.00 × 4.35% × 360 / 360 = 1,740.00 of interest; all of it within the base cap.
        Assert.Equal(ClaimStatus.Filed, filed.Status);
        Assert.Equal(new ClaimLoss(Principal, Money.FromYuan(1_740m), Principal), filed.Loss);
        Assert.Equal(loan.Schedule![0].DueDate, filed.OldestUnpaidDueDate);
        Assert.Equal(branch.Village, filed.NoticeBoard);
        Assert.Equal([ClaimAction.Filed], filed.History.Select(e => e.Action));
    }

    [Fact]
    public async Task AClaimOnALoanOverdueFewerThanNinetyDaysIsRefusedAndNothingIsRecorded()
    {
        var branch = await LendingBranch.CreateAsync(Grains);

        // Disbursed 150 days ago: the first quarterly due date passed about 60 days ago.
        var loan = await (await ClaimSteps.UnpaidLoanAsync(fixture, branch, Principal, daysAgo: 150)).GetAsync();
        var claim = Grains.GetGrain<ICompensationClaimGrain>(loan.LoanId);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => claim.FileAsync(ClaimSteps.Filing(ClaimSteps.SteadyDunning(loan, TodayIn(branch))), "信贷员", "file"));

        Assert.Equal("CLAIM_TOO_EARLY", refusal.Reason);
        Assert.Equal("CLAIM_NOT_FOUND", (await Assert.ThrowsAsync<NotFoundException>(claim.GetAsync)).Reason);
    }

    [Fact]
    public async Task AClaimWhoseFirstDunningCameAfterTheCollectionPeriodIsRefused()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await (await ClaimSteps.UnpaidLoanAsync(fixture, branch, Principal)).GetAsync();

        // The first visit 31 days after the missed due date, then every 30 days.
        var late = ClaimSteps.SteadyDunning(loan, TodayIn(branch)).Select(action => action with { On = action.On.AddDays(30) })
            .Where(action => action.On <= TodayIn(branch))
            .ToList();

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => Grains.GetGrain<ICompensationClaimGrain>(loan.LoanId).FileAsync(ClaimSteps.Filing(late), "信贷员", "file"));

        Assert.Equal("NO_DUNNING_IN_COLLECTION_PERIOD", refusal.Reason);
    }

    [Fact]
    public async Task AClaimWithAGapInCollectionIsRefusedBecauseTheBankDidNotPursue()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await (await ClaimSteps.UnpaidLoanAsync(fixture, branch, Principal)).GetAsync();

        // Every visit kept but the third: a 60-day silence.
        var gap = ClaimSteps.SteadyDunning(loan, TodayIn(branch)).Where((_, i) => i != 2).ToList();

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => Grains.GetGrain<ICompensationClaimGrain>(loan.LoanId).FileAsync(ClaimSteps.Filing(gap), "信贷员", "file"));

        Assert.Equal("BANK_DID_NOT_PURSUE", refusal.Reason);
    }

    [Fact]
    public async Task OnlyTheBankThatLentMayClaim()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await (await ClaimSteps.UnpaidLoanAsync(fixture, branch, Principal)).GetAsync();
        var filing = ClaimSteps.Filing(ClaimSteps.SteadyDunning(loan, TodayIn(branch))) with { BankCode = "PSBC" };

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => Grains.GetGrain<ICompensationClaimGrain>(loan.LoanId).FileAsync(filing, "信贷员", "file"));

        Assert.Equal("NOT_THE_LENDING_BANK", refusal.Reason);
    }

    [Fact]
    public async Task ARetriedFilingReturnsTheClaimAndRecordsNothingMore()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var filed = await claim.GetAsync();

        var retried = await claim.FileAsync(filed.Filing, "信贷员", "file");

        Assert.Single(retried.History);
    }

    [Fact]
    public async Task ALoanIsClaimedOnlyOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var filed = await claim.GetAsync();

        var second = await Assert.ThrowsAsync<AlreadyExistsException>(() => claim.FileAsync(filed.Filing, "信贷员", "file-again"));

        Assert.Equal("CLAIM_ALREADY_FILED", second.Reason);
    }
}
