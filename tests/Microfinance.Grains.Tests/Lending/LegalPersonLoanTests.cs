using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Identity;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Lending;

/// <summary>
/// Loans to legal persons that drive poor households, under the 2015 policy of DOMAIN.md: 5,000 yuan
/// per driven household, at most 50,000 per borrower, at most 25% of the township's quota, and each
/// driven household's share on its own cap of 10,000.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LegalPersonLoanTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ALegalPersonLoanTakesItsShareOfTheTownshipAndOfEachDrivenHouseholdsCap()
    {
        var branch = await BranchAsync();
        var (loan, households) = await ReviewedAsync(branch, await CooperativeAsync(branch), await HouseholdsAsync(branch, 5), Money.FromYuan(25_000m));

        var approved = await loan.ApproveAsync(null, "信贷员", "approve");

        Assert.Equal(LoanStage.Approved, approved.Stage);
        Assert.Equal(households, approved.ChargedHouseholds);
        Assert.Equal(Money.FromYuan(25_000m), (await branch.TownshipGrain.GetQuotaAsync()).Reserved);
        Assert.Equal(Money.Zero, (await branch.VillageGrain.GetQuotaAsync()).Reserved);
        foreach (var household in households)
        {
            var held = await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync();
            Assert.Equal(Money.FromYuan(5_000m), Assert.Single(held).Committed);
        }
    }

    [Fact]
    public async Task LegalPersonLoansStopAtTheTownshipShare()
    {
        // 篇1: at most 25% of the township's quota (here 100,000) may go to legal persons.
        var branch = await BranchAsync(townshipQuota: Money.FromYuan(100_000m));
        var (first, _) = await ReviewedAsync(branch, await CooperativeAsync(branch), await HouseholdsAsync(branch, 5), Money.FromYuan(25_000m));
        await first.ApproveAsync(null, "信贷员", "approve");
        var (second, _) = await ReviewedAsync(branch, await CooperativeAsync(branch), await HouseholdsAsync(branch, 1), Money.FromYuan(1_000m));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => second.ApproveAsync(null, "信贷员", "approve"));

        Assert.Equal("LEGAL_PERSON_SHARE_EXCEEDED", error.Reason);
    }

    [Fact]
    public async Task ALegalPersonBorrowsAtMostThePerHouseholdAmountForEachDrivenHousehold()
    {
        var branch = await BranchAsync();
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        var application = Application(await CooperativeAsync(branch), branch, await HouseholdsAsync(branch, 2), Money.FromYuan(10_001m));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApplyAsync(application, "合作社", "apply"));

        Assert.Equal("DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED", error.Reason);
    }

    [Fact]
    public async Task TheLegalPersonCapHoldsOverAllTheBorrowersLoansNotEachAlone()
    {
        var branch = await BranchAsync();
        var cooperative = await CooperativeAsync(branch);
        var (first, _) = await ReviewedAsync(branch, cooperative, await HouseholdsAsync(branch, 6), Money.FromYuan(30_000m));
        await first.ApproveAsync(null, "信贷员", "approve-first");
        var (second, _) = await ReviewedAsync(branch, cooperative, await HouseholdsAsync(branch, 4), Money.FromYuan(20_000m));
        var (third, _) = await ReviewedAsync(branch, cooperative, await HouseholdsAsync(branch, 1), Money.FromYuan(0.01m));

        var withinCap = await second.ApproveAsync(null, "信贷员", "approve-second");
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => third.ApproveAsync(null, "信贷员", "approve-third"));

        Assert.Equal(LoanStage.Approved, withinCap.Stage);
        Assert.Equal("LEGAL_PERSON_CAP_EXCEEDED", error.Reason);
        Assert.Contains("¥50,000.00 is already committed", error.Message, StringComparison.Ordinal);
        Assert.Equal(LoanStage.CountyReviewed, (await third.GetAsync()).Stage);
    }

    [Fact]
    public async Task RoomTheBorrowersCapFreesWhenALoanIsWithdrawnGoesToItsNextLoan()
    {
        var branch = await BranchAsync();
        var cooperative = await CooperativeAsync(branch);
        var (first, _) = await ReviewedAsync(branch, cooperative, await HouseholdsAsync(branch, 10), Money.FromYuan(50_000m));
        await first.ApproveAsync(null, "信贷员", "approve-first");
        var (second, _) = await ReviewedAsync(branch, cooperative, await HouseholdsAsync(branch, 2), Money.FromYuan(10_000m));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => second.ApproveAsync(null, "信贷员", "approve-second"));
        await first.WithdrawAsync("合作社", "合作社改变计划", "withdraw-first");

        var approved = await second.ApproveAsync(null, "信贷员", "approve-second-again");

        Assert.Equal("LEGAL_PERSON_CAP_EXCEEDED", refused.Reason);
        Assert.Equal(LoanStage.Approved, approved.Stage);
    }

    [Fact]
    public async Task ADrivenHouseholdWithNoCapRoomLeftIsNeitherCountedNorCharged()
    {
        var branch = await BranchAsync();
        var households = await HouseholdsAsync(branch, 3);
        var borrowedInFull = households[1];
        await (await branch.ReviewedLoanAsync(borrowedInFull, Money.FromYuan(10_000m), termMonths: 12)).ApproveAsync(null, "信贷员", "approve-own");
        var (loan, _) = await ReviewedAsync(branch, await CooperativeAsync(branch), households, Money.FromYuan(10_000m));

        var approved = await loan.ApproveAsync(null, "信贷员", "approve");

        Assert.Equal([households[0], households[2]], approved.ChargedHouseholds);
        Assert.Equal(Money.FromYuan(10_000m), Assert.Single(await Grains.GetGrain<IHouseholdGrain>(borrowedInFull).ListLoansAsync()).Committed);
        foreach (var charged in approved.ChargedHouseholds!)
        {
            var held = await Grains.GetGrain<IHouseholdGrain>(charged).ListLoansAsync();
            Assert.Equal(Money.FromYuan(5_000m), Assert.Single(held).Committed);
        }
    }

    [Fact]
    public async Task ALoanTooLargeForTheDrivenHouseholdsWithRoomIsRefusedNamingThoseLeftOut()
    {
        var branch = await BranchAsync();
        var households = await HouseholdsAsync(branch, 2);
        await (await branch.ReviewedLoanAsync(households[0], Money.FromYuan(8_000m), termMonths: 12)).ApproveAsync(null, "信贷员", "approve-own");
        var (loan, _) = await ReviewedAsync(branch, await CooperativeAsync(branch), households, Money.FromYuan(6_000m));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApproveAsync(null, "信贷员", "approve"));

        // 3,000 each would overrun the first household's remaining 2,000; alone, the second may carry 5,000 only.
        Assert.Equal("DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED", error.Reason);
        Assert.Contains(households[0], error.Message, StringComparison.Ordinal);
        Assert.Equal(LoanStage.CountyReviewed, (await loan.GetAsync()).Stage);
        Assert.Equal(Money.Zero, (await branch.TownshipGrain.GetQuotaAsync()).Reserved);
        Assert.Empty(await Grains.GetGrain<IHouseholdGrain>(households[1]).ListLoansAsync());
    }

    /// <summary>A branch on the older policy, inside its lending window, with room in the township for every test's legal-person loans.</summary>
    private async Task<LendingBranch> BranchAsync(Money? townshipQuota = null)
    {
        var policy = CountyPolicy.Older2015(new DateOnly(2015, 1, 1));
        var branch = await LendingBranch.CreateAsync(
            Grains, policy, townshipQuota: townshipQuota ?? Money.FromYuan(1_000_000m), villageQuota: Money.FromYuan(50_000m));
        await fixture.MoveCountyIntoAsync(branch.County, policy.LendingWindow!);
        return branch;
    }

    private async Task<IReadOnlyList<string>> HouseholdsAsync(LendingBranch branch, int count)
    {
        var households = new List<string>();
        for (var i = 0; i < count; i++)
        {
            households.Add(await branch.NewHouseholdAsync());
        }

        return households;
    }

    /// <summary>A cooperative registered in the branch's county.</summary>
    private async Task<UnifiedSocialCreditCode> CooperativeAsync(LendingBranch branch)
    {
        var creditCode = TestKeys.NewCreditCode();
        await Grains.GetGrain<ILegalPersonGrain>(creditCode.Value).RegisterAsync(
            new LegalPersonProfile("养殖专业合作社", LegalPersonKind.Cooperative, branch.County, "法人"), "register");
        return creditCode;
    }

    private static LoanApplication Application(UnifiedSocialCreditCode borrower, LendingBranch branch, IReadOnlyList<string> households, Money amount) =>
        new(borrower.Value, LendingBranch.BankCode, amount, 12, "带动贫困户发展肉牛养殖", "畜牧业", new DrivingAgreement(branch.Township, households));

    private async Task<(ILoanGrain Loan, IReadOnlyList<string> Households)> ReviewedAsync(
        LendingBranch branch, UnifiedSocialCreditCode borrower, IReadOnlyList<string> households, Money amount) =>
        (await branch.ReviewedLoanAsync(Application(borrower, branch, households, amount)), households);
}
