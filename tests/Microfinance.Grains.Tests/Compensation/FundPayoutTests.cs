using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>The fund account's side of a payout: once per loan, never below zero.</summary>
[Collection(CompensationCollection.Name)]
public sealed class FundPayoutTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AFundPaysALoanOnceWhateverARepeatedCallAsksFor()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: Money.FromYuan(100_000m));
        var first = await branch.Fund.PayCompensationAsync("L-paid-once", Money.FromYuan(29_218m), Money.Zero, "风险补偿", "领导小组");

        var repeated = await branch.Fund.PayCompensationAsync("L-paid-once", Money.FromYuan(50_000m), Money.Zero, "风险补偿", "领导小组");

        // 100,000.00 − 29,218.00 = 70,782.00, paid once.
        var ledger = await branch.Fund.GetLedgerAsync();
        Assert.Equal(first, repeated);
        Assert.Single(ledger, entry => entry.Kind == FundEntryKind.CompensationPayout);
        Assert.Equal(Money.FromYuan(70_782m), (await branch.Fund.GetPositionAsync()).Balance);
    }

    [Fact]
    public async Task AnEmptyFundRecordsNoEntryAndTheWholeShareIsOwed()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: Money.FromYuan(10_000m));
        await branch.Fund.PayCompensationAsync("L-first", Money.FromYuan(10_000m), Money.Zero, "风险补偿", "领导小组");

        var payout = await branch.Fund.PayCompensationAsync("L-second", Money.FromYuan(5_000m), Money.Zero, "风险补偿", "领导小组");

        var ledger = await branch.Fund.GetLedgerAsync();
        Assert.Equal((Money.Zero, Money.FromYuan(5_000m)), (payout.PaidFromFund, payout.OwedByCountyBudget));
        Assert.Single(ledger, entry => entry.Kind == FundEntryKind.CompensationPayout);
        Assert.Equal(Money.Zero, (await branch.Fund.GetPositionAsync()).Balance);
    }
}
