using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Lending;

/// <summary>
/// A thousand approvals racing for one limit: exactly as many succeed as fit, the rest are refused
/// with the rule's reason, and the limit's counter equals the sum over the approved loans.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentApprovalTests(ClusterFixture fixture)
{
    private const int Approvals = 1000;
    private const int Fitting = 37;
    private static readonly Money Amount = Money.FromYuan(10_000m);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task OnlyTheApprovalsThatFitTheVillageQuotaSucceed()
    {
        var branch = await LendingBranch.CreateAsync(Grains, villageQuota: Amount.Multiply(Fitting, MidpointRounding.ToEven));
        var loans = await ReviewedLoansAsync(branch, await HouseholdsAsync(branch, Approvals));

        var outcomes = await ApproveAllAsync(loans);

        Assert.Equal(Fitting, outcomes.Approved.Count);
        Assert.All(outcomes.Refusals, reason => Assert.Equal("VILLAGE_QUOTA_EXCEEDED", reason));
        Assert.Equal(Sum(outcomes.Approved), (await branch.VillageGrain.GetQuotaAsync()).Reserved);
        Assert.Equal(Sum(outcomes.Approved), (await branch.Fund.GetPositionAsync()).Reserved);
    }

    [Fact]
    public async Task OnlyTheApprovalsThatFitTheFundLeverageSucceed()
    {
        // 第十三条: lending ≤ 10 × balance, so a balance of Fitting × Amount / 10 backs exactly Fitting loans.
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: Amount.Multiply(Fitting / 10m, MidpointRounding.ToEven));
        var loans = await ReviewedLoansAsync(branch, await HouseholdsAsync(branch, Approvals));

        var outcomes = await ApproveAllAsync(loans);

        Assert.Equal(Fitting, outcomes.Approved.Count);
        Assert.All(outcomes.Refusals, reason => Assert.Equal("FUND_LEVERAGE_EXCEEDED", reason));
        Assert.Equal(Sum(outcomes.Approved), (await branch.Fund.GetPositionAsync()).Reserved);
        Assert.Equal(Sum(outcomes.Approved), (await branch.VillageGrain.GetQuotaAsync()).Reserved);
    }

    [Fact]
    public async Task OnlyTheApprovalsThatFitTheHouseholdCapSucceed()
    {
        // One household, a thousand loans at once (一户多贷): the 50,000 cap fits five of 10,000.
        var branch = await LendingBranch.CreateAsync(Grains);
        var household = await branch.NewHouseholdAsync();
        var loans = await ReviewedLoansAsync(branch, Enumerable.Repeat(household, Approvals).ToList());

        var outcomes = await ApproveAllAsync(loans);

        Assert.Equal(5, outcomes.Approved.Count);
        Assert.All(outcomes.Refusals, reason => Assert.Equal("HOUSEHOLD_CAP_EXCEEDED", reason));
        var committed = (await Grains.GetGrain<IHouseholdGrain>(household).ListLoansAsync()).Sum(l => l.Committed.Fen);
        Assert.Equal(Sum(outcomes.Approved).Fen, committed);
        Assert.Equal(Sum(outcomes.Approved), (await branch.VillageGrain.GetQuotaAsync()).Reserved);
    }

    [Fact]
    public async Task ConcurrentReplaysOfOneApprovalReserveOnce()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = (await ReviewedLoansAsync(branch, await HouseholdsAsync(branch, 1)))[0];

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => loan.ApproveAsync(null, "信用社信贷员", "the-approval")));

        Assert.Equal(Amount, (await branch.VillageGrain.GetQuotaAsync()).Reserved);
        Assert.Equal(Amount, (await branch.Fund.GetPositionAsync()).Reserved);
        Assert.Equal(LoanStage.Approved, (await loan.GetAsync()).Stage);
    }

    private static async Task<List<string>> HouseholdsAsync(LendingBranch branch, int count)
    {
        var households = new List<string>();
        for (var i = 0; i < count; i++)
        {
            households.Add(await branch.NewHouseholdAsync());
        }

        return households;
    }

    private static async Task<List<ILoanGrain>> ReviewedLoansAsync(LendingBranch branch, IReadOnlyList<string> households)
    {
        var loans = new List<ILoanGrain>();
        foreach (var batch in households.Chunk(100))
        {
            loans.AddRange(await Task.WhenAll(batch.Select(household => branch.ReviewedLoanAsync(household, Amount))));
        }

        return loans;
    }

    private static async Task<(List<LoanRecord> Approved, List<string> Refusals)> ApproveAllAsync(IEnumerable<ILoanGrain> loans)
    {
        var attempts = await Task.WhenAll(loans.Select(async loan =>
        {
            try
            {
                return (Loan: await loan.ApproveAsync(null, "信用社信贷员", "approve"), Refusal: (string?)null);
            }
            catch (RuleViolationException refusal)
            {
                return (Loan: (LoanRecord?)null, Refusal: refusal.Reason);
            }
        }));
        return (
            attempts.Where(a => a.Loan is not null).Select(a => a.Loan!).ToList(),
            attempts.Where(a => a.Refusal is not null).Select(a => a.Refusal!).ToList());
    }

    private static Money Sum(IEnumerable<LoanRecord> loans) => new(loans.Sum(loan => loan.Application.Amount.Fen));
}
