using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Lending;

/// <summary>The rules that need more than an application to show: bad loans, legal persons and an older policy.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PolicyRulesTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AnOutstandingNonPerformingLoanBlocksApproval()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        await Grains.GetGrain<IHouseholdGrain>(household).MarkNonPerformingAsync("其他机构-2019-0031", nonPerforming: true);
        var loan = await branch.ReviewedLoanAsync(household, Money.FromYuan(10_000m));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApproveAsync(null, "信贷员", "approve"));

        Assert.Equal("OUTSTANDING_NON_PERFORMING_LOAN", error.Reason);
    }

    [Fact]
    public async Task ABadRecordThatIsClearedNoLongerBlocksApproval()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        var records = Grains.GetGrain<IHouseholdGrain>(household);
        await records.MarkNonPerformingAsync("其他机构-2019-0031", nonPerforming: true);
        await records.MarkNonPerformingAsync("其他机构-2019-0031", nonPerforming: false);
        var loan = await branch.ReviewedLoanAsync(household, Money.FromYuan(10_000m));

        var approved = await loan.ApproveAsync(null, "信贷员", "approve");

        Assert.Equal(LoanStage.Approved, approved.Stage);
    }

    [Fact]
    public async Task ALegalPersonLoanTakesItsShareOfTheTownshipAndOfEachDrivenHouseholdsCap()
    {
        var (branch, loan, households) = await LegalPersonLoanAsync(drivenHouseholds: 5, Money.FromYuan(25_000m));

        var approved = await loan.ApproveAsync(null, "信贷员", "approve");

        Assert.Equal(LoanStage.Approved, approved.Stage);
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
        var (branch, first, _) = await LegalPersonLoanAsync(drivenHouseholds: 5, Money.FromYuan(25_000m));
        await first.ApproveAsync(null, "信贷员", "approve");
        var second = await LegalPersonLoanInAsync(branch, drivenHouseholds: 1, Money.FromYuan(1_000m));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => second.ApproveAsync(null, "信贷员", "approve"));

        Assert.Equal("LEGAL_PERSON_SHARE_EXCEEDED", error.Reason);
    }

    [Fact]
    public async Task ALegalPersonBorrowsAtMostThePerHouseholdAmountForEachDrivenHousehold()
    {
        var branch = await LendingBranch.CreateAsync(Grains, OlderPolicy(), townshipQuota: Money.FromYuan(100_000m), villageQuota: Money.FromYuan(50_000m));
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        var application = await LegalPersonApplicationAsync(branch, drivenHouseholds: 2, Money.FromYuan(10_001m));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApplyAsync(application, "合作社", "apply"));

        Assert.Equal("DRIVEN_HOUSEHOLD_AMOUNT_EXCEEDED", error.Reason);
    }

    [Fact]
    public async Task TheOlderPolicyCapsAHouseholdAtTenThousand()
    {
        var branch = await LendingBranch.CreateAsync(Grains, OlderPolicy());
        var household = await branch.NewHouseholdAsync();
        var withinCap = await branch.ReviewedLoanAsync(household, Money.FromYuan(10_000m), termMonths: 12);
        await withinCap.ApproveAsync(null, "信贷员", "approve");
        var beyondCap = await branch.ReviewedLoanAsync(household, Money.FromYuan(0.01m), termMonths: 12);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => beyondCap.ApproveAsync(null, "信贷员", "approve"));

        Assert.Equal("HOUSEHOLD_CAP_EXCEEDED", error.Reason);
    }

    [Fact]
    public async Task TheOlderPolicyLendsForOneYearAtMost()
    {
        var branch = await LendingBranch.CreateAsync(Grains, OlderPolicy());
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        var application = LendingBranch.Application(await branch.NewHouseholdAsync(), Money.FromYuan(10_000m), termMonths: 13);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApplyAsync(application, "户主", "apply"));

        Assert.Equal("TERM_EXCEEDS_POLICY", error.Reason);
    }

    [Fact]
    public async Task TheOlderPolicyLendsOnlyToRegisteredPoorHouseholds()
    {
        var branch = await LendingBranch.CreateAsync(Grains, OlderPolicy());
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        var household = await branch.NewHouseholdAsync(HouseholdCategory.EscapedPoverty);

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.ApplyAsync(LendingBranch.Application(household, Money.FromYuan(10_000m), termMonths: 12), "户主", "apply"));

        Assert.Equal("HOUSEHOLD_CATEGORY_NOT_ELIGIBLE", error.Reason);
    }

    [Fact]
    public async Task ACountyOnTheOlderPolicyLendsInsideItsWindowBesideOneOnTheNewPolicy()
    {
        var older = await LendingBranch.CreateAsync(Grains, OlderPolicy());
        var newer = await LendingBranch.CreateAsync(Grains);
        var underOlder = await older.ReviewedLoanAsync(await older.NewHouseholdAsync(), Money.FromYuan(10_000m), termMonths: 12);
        var underNewer = await newer.ReviewedLoanAsync(await newer.NewHouseholdAsync(), Money.FromYuan(50_000m), termMonths: 36);

        var approved = await Task.WhenAll(
            underOlder.ApproveAsync(null, "信贷员", "approve"),
            underNewer.ApproveAsync(null, "信贷员", "approve"));

        Assert.Equal("篇1 (2015)", approved[0].Policy!.Name);
        Assert.Equal("5321", approved[1].Policy!.Name);
    }

    /// <summary>The older one-year, 10,000-yuan, 50%-subsidy policy of DOMAIN.md, in force since 2015.</summary>
    private static CountyPolicy OlderPolicy() => CountyPolicy.Older2015(new DateOnly(2015, 1, 1));

    private async Task<(LendingBranch Branch, ILoanGrain Loan, IReadOnlyList<string> Households)> LegalPersonLoanAsync(
        int drivenHouseholds, Money amount)
    {
        var branch = await LendingBranch.CreateAsync(Grains, OlderPolicy(), townshipQuota: Money.FromYuan(100_000m), villageQuota: Money.FromYuan(50_000m));
        var application = await LegalPersonApplicationAsync(branch, drivenHouseholds, amount);
        return (branch, await ReviewAsync(application), application.LegalPerson!.DrivenHouseholds);
    }

    private async Task<ILoanGrain> LegalPersonLoanInAsync(LendingBranch branch, int drivenHouseholds, Money amount) =>
        await ReviewAsync(await LegalPersonApplicationAsync(branch, drivenHouseholds, amount));

    private async Task<ILoanGrain> ReviewAsync(LoanApplication application)
    {
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        await loan.ApplyAsync(application, "合作社", "apply");
        await loan.ReviewAsync(LoanParty.Village, "村委会", "", "village");
        await loan.ReviewAsync(LoanParty.Township, "乡镇", "", "township");
        await loan.ReviewAsync(LoanParty.County, "县", "", "county");
        return loan;
    }

    /// <summary>A cooperative in the branch's county applying for the given number of the branch's households.</summary>
    private async Task<LoanApplication> LegalPersonApplicationAsync(LendingBranch branch, int drivenHouseholds, Money amount)
    {
        var households = new List<string>();
        for (var i = 0; i < drivenHouseholds; i++)
        {
            households.Add(await branch.NewHouseholdAsync());
        }

        var creditCode = TestKeys.NewCreditCode();
        await Grains.GetGrain<ILegalPersonGrain>(creditCode.Value).RegisterAsync(
            new LegalPersonProfile("养殖专业合作社", LegalPersonKind.Cooperative, branch.County, "法人"), "register");
        return new LoanApplication(
            creditCode.Value, LendingBranch.BankCode, amount, 12, "带动贫困户发展肉牛养殖", "畜牧业",
            new DrivingAgreement(branch.Township, households));
    }
}
