using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Lending;

/// <summary>Credit lines by star rating (评级授信), higher in a credit village (信用村), under the household cap.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CreditLineTests(ClusterFixture fixture)
{
    /// <summary>Three and four stars: 20,000 (30,000 in a credit village); five stars: 50,000.</summary>
    private static readonly CountyPolicy WithLines = CountyPolicy.Default5321(new DateOnly(2020, 1, 1)) with
    {
        CreditLines = CreditLineTable.Of(
        [
            new CreditLine(3, Money.FromYuan(20_000m), Money.FromYuan(30_000m)),
            new CreditLine(5, Money.FromYuan(50_000m), Money.FromYuan(50_000m)),
        ]),
    };

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AnApprovalAboveTheHouseholdsCreditLineIsRefusedAndOneWithinItPasses()
    {
        var branch = await LendingBranch.CreateAsync(Grains, WithLines);
        var household = await branch.NewHouseholdAsync(starRating: 4);
        var first = await branch.ReviewedLoanAsync(household, Money.FromYuan(15_000m));
        var second = await branch.ReviewedLoanAsync(household, Money.FromYuan(5_000.01m));

        var within = await first.ApproveAsync(null, "信贷员", "approve-first");
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => second.ApproveAsync(null, "信贷员", "approve-second"));

        Assert.Equal(LoanStage.Approved, within.Stage);
        Assert.Equal("CREDIT_LINE_EXCEEDED", refused.Reason);
        Assert.Contains("¥20,000.00", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreditVillageLendsUpToItsHigherLine()
    {
        var branch = await LendingBranch.CreateAsync(Grains, WithLines);
        var household = await branch.NewHouseholdAsync(starRating: 3);
        await branch.VillageGrain.DesignateCreditAsync(true, "县信用体系建设领导小组〔2026〕2号", "县人民银行", "credit-village");
        var loan = await branch.ReviewedLoanAsync(household, Money.FromYuan(30_000m));

        var approved = await loan.ApproveAsync(null, "信贷员", "approve");

        Assert.Equal(LoanStage.Approved, approved.Stage);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task AHouseholdRatedBelowEveryLineOrUnratedMayNotBorrow(int starRating)
    {
        var branch = await LendingBranch.CreateAsync(Grains, WithLines);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(starRating: starRating), Money.FromYuan(1_000m));

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => loan.ApproveAsync(null, "信贷员", "approve"));

        Assert.Equal("CREDIT_LINE_EXCEEDED", refused.Reason);
    }
}
