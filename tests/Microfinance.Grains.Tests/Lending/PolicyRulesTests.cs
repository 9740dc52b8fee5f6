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

/// <summary>The rules that need more than an application to show: bad loans and an older policy (legal persons: <see cref="LegalPersonLoanTests"/>).</summary>
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
    public async Task TheOlderPolicyCapsAHouseholdAtTenThousand()
    {
        var branch = await OlderBranchAsync();
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
        var branch = await OlderBranchAsync();
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        var application = LendingBranch.Application(await branch.NewHouseholdAsync(), Money.FromYuan(10_000m), termMonths: 13);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApplyAsync(application, "户主", "apply"));

        Assert.Equal("TERM_EXCEEDS_POLICY", error.Reason);
    }

    [Fact]
    public async Task TheOlderPolicyLendsOnlyToRegisteredPoorHouseholds()
    {
        var branch = await OlderBranchAsync();
        var loan = Grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        var household = await branch.NewHouseholdAsync(HouseholdCategory.EscapedPoverty);

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => loan.ApplyAsync(LendingBranch.Application(household, Money.FromYuan(10_000m), termMonths: 12), "户主", "apply"));

        Assert.Equal("HOUSEHOLD_CATEGORY_NOT_ELIGIBLE", error.Reason);
    }

    [Fact]
    public async Task ACountyOnTheOlderPolicyLendsInsideItsWindowBesideOneOnTheNewPolicy()
    {
        var older = await OlderBranchAsync();
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

    /// <summary>A branch on the older policy, its county moved inside the policy's lending window.</summary>
    private async Task<LendingBranch> OlderBranchAsync()
    {
        var branch = await LendingBranch.CreateAsync(Grains, OlderPolicy());
        await fixture.MoveCountyIntoAsync(branch.County, OlderPolicy().LendingWindow!);
        return branch;
    }
}
