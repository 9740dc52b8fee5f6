using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>Money recovered after compensation goes back pro rata to the risk each side bore; the fund's part joins its ledger (第二十三条).</summary>
[Collection(CompensationCollection.Name)]
public sealed class ClaimRecoveryTests(ClusterFixture fixture)
{
    private static readonly Money Principal = Money.FromYuan(40_000m);
    private static readonly Money FundDeposit = Money.FromYuan(100_000_000m);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly TodayIn(LendingBranch branch) => fixture.TodayIn(branch.County);

    private async Task<(LendingBranch Branch, ICompensationClaimGrain Claim)> CompensatedClaimAsync(CreditInsurance? insurance = null)
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: FundDeposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal, insurance);
        await ClaimSteps.CompensatedAsync(fixture, claim);
        return (branch, claim);
    }

    [Fact]
    public async Task ARecoveryGoesBackSeventyThirtyAndTheFundsPartIsCreditedToIt()
    {
        var (branch, claim) = await CompensatedClaimAsync();

        var recovered = await claim.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(10_000m), false, "法院执行回款", "信贷员", "recover");

        // 10,000.00 × 29,218 / 41,740 = 7,000.00 to the fund, 3,000.00 to the bank.
        // The fund: 100,000,000.00 − 29,218.00 + 7,000.00 = 99,977,782.00.
        var position = await branch.Fund.GetPositionAsync();
        Assert.Equal(new RiskShares(Money.FromYuan(7_000m), Money.FromYuan(3_000m), Money.Zero), recovered.Recoveries.Single().Shares);
        Assert.Equal(Money.FromYuan(99_977_782m), position.Balance);
        Assert.Equal(
            new LedgerTotals(FundDeposit, Money.Zero, Money.FromYuan(7_000m), Money.FromYuan(29_218m)),
            await LedgerTotals.OfAsync(branch.Fund));
        Assert.Equal(position.Balance, (await LedgerTotals.OfAsync(branch.Fund)).Balance);
    }

    [Fact]
    public async Task WhatASuitAgainstMaliciousEvasionRecoversIsCreditedToTheFundWhole()
    {
        var (branch, claim) = await CompensatedClaimAsync();

        var recovered = await claim.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(10_000m), true, "（2026）云0124执88号", "信贷员", "recover");

        // 第二十三条: 依法向人民法院提起诉讼，收回的资金归还风险补偿金专户. 100,000,000.00 − 29,218.00 + 10,000.00.
        Assert.Equal(new RiskShares(Money.FromYuan(10_000m), Money.Zero, Money.Zero), recovered.Recoveries.Single().Shares);
        Assert.Equal(Money.FromYuan(99_980_782m), (await branch.Fund.GetPositionAsync()).Balance);
    }

    [Fact]
    public async Task AnInsuredRecoveryGoesToTheInsurerAndTheBank()
    {
        var (branch, claim) = await CompensatedClaimAsync(new CreditInsurance("中国人保财险", "PICC-2025-0419", 80m));

        var recovered = await claim.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(5_000m), false, "借款人家属代偿", "信贷员", "recover");

        // 5,000.00 × 33,392 / 41,740 = 4,000.00 to the insurer, 1,000.00 to the bank; the fund bore nothing.
        Assert.Equal(new RiskShares(Money.Zero, Money.FromYuan(1_000m), Money.FromYuan(4_000m)), recovered.Recoveries.Single().Shares);
        Assert.Equal(FundDeposit, (await branch.Fund.GetPositionAsync()).Balance);
    }

    [Fact]
    public async Task RecoveringMoreThanTheApprovedLossIsRefusedAndNothingChanges()
    {
        var (branch, claim) = await CompensatedClaimAsync();
        var entriesBefore = (await branch.Fund.GetLedgerAsync()).Count;

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => claim.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(41_740.01m), false, "", "信贷员", "recover"));

        Assert.Equal("RECOVERY_EXCEEDS_LOSS", refusal.Reason);
        Assert.Empty((await claim.GetAsync()).Recoveries);
        Assert.Equal(entriesBefore, (await branch.Fund.GetLedgerAsync()).Count);
    }

    [Fact]
    public async Task ARetriedRecoveryIsRecordedAndCreditedOnce()
    {
        var (branch, claim) = await CompensatedClaimAsync();
        await claim.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(10_000m), false, "法院执行回款", "信贷员", "recover");

        var retried = await claim.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(10_000m), false, "法院执行回款", "信贷员", "recover");

        Assert.Single(retried.Recoveries);
        Assert.Single(await branch.Fund.GetLedgerAsync(), entry => entry.Kind == FundEntryKind.Recovery);
    }

    [Fact]
    public async Task MoneyCollectedBeforeCompensationIsNotARecovery()
    {
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: FundDeposit);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        await ClaimSteps.VerifiedAsync(fixture, claim);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => claim.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(1_000m), false, "", "信贷员", "recover"));

        Assert.Equal("CLAIM_NOT_COMPENSATED", refusal.Reason);
    }
}
