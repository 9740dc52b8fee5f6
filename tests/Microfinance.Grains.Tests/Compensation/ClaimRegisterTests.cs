using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>A county's register of claims and its report: counts and amounts by status, who paid, shortfalls, recoveries.</summary>
[Collection(CompensationCollection.Name)]
public sealed class ClaimRegisterTests(ClusterFixture fixture)
{
    private static readonly Money Principal = Money.FromYuan(40_000m);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly TodayIn(LendingBranch branch) => fixture.TodayIn(branch.County);

    [Fact]
    public async Task TheCountyReportCountsClaimsByStatusAndSumsPayoutsShortfallsAndRecoveries()
    {
        // A fund of 10,000.00; two 40,000.00 loans lost and one of 10,000.00.
        var branch = await LendingBranch.CreateAsync(Grains, fundBalance: Money.FromYuan(10_000m));
        var paid = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var refused = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var withdrawn = await ClaimSteps.FiledClaimAsync(fixture, branch, Money.FromYuan(10_000m));
        await paid.PostNoticeAsync("县扶贫办", "notice");
        var posted = await refused.PostNoticeAsync("县扶贫办", "notice");
        await Task.WhenAll(ClaimSteps.SignedOffAsync(paid), ClaimSteps.SignedOffAsync(refused));
        await fixture.MoveCountyToAsync(branch.County, posted.Notice!.EndsOn);
        await refused.VerifyAsync([VerificationFinding.LentOutsideInstructions], "未按县扶贫办名单放款", "县扶贫办", "verify");
        await paid.VerifyAsync([], "核实无误", "县扶贫办", "verify");
        await paid.ApproveAsync("县金融扶贫领导小组〔2026〕5号", "领导小组", "approve");
        await paid.RecordRecoveryAsync(TodayIn(branch), Money.FromYuan(10_000m), false, "法院执行回款", "信贷员", "recover");
        await paid.SettleShortfallAsync(TodayIn(branch), "县财政局〔2026〕8号", "县财政局", "settle");
        await withdrawn.WithdrawAsync("借款人家属已代为还款", "信贷员", "withdraw");

        var report = await Grains.GetGrain<IClaimRegisterGrain>(branch.County.Value).GetReportAsync();

        // Filed: 10,000.00 + 10,000.00 × 4.35% = 10,435.00. Each 40,000.00 loss is 41,740.00, of
        // which the fund bears 29,218.00 and the bank 12,522.00; the fund held 10,000.00 and the
        // county budget owes 19,218.00, and has paid it. The recovery of 10,000.00 goes 7,000.00 /
        // 3,000.00. The bank withdrew the third claim.
        Assert.Equal(
            [
                new ClaimStatusTally(ClaimStatus.Filed, 0, Money.Zero),
                new ClaimStatusTally(ClaimStatus.UnderNotice, 0, Money.Zero),
                new ClaimStatusTally(ClaimStatus.Verified, 0, Money.Zero),
                new ClaimStatusTally(ClaimStatus.Approving, 0, Money.Zero),
                new ClaimStatusTally(ClaimStatus.Compensated, 1, Money.FromYuan(41_740m)),
                new ClaimStatusTally(ClaimStatus.Rejected, 1, Money.FromYuan(41_740m)),
                new ClaimStatusTally(ClaimStatus.Withdrawn, 1, Money.FromYuan(10_435m)),
            ],
            report.ByStatus);
        Assert.Equal(new RiskShares(Money.FromYuan(29_218m), Money.FromYuan(12_522m), Money.Zero), report.Approved);
        Assert.Equal(
            (Money.FromYuan(10_000m), Money.FromYuan(19_218m), Money.FromYuan(19_218m)),
            (report.PaidFromFund, report.OwedByCountyBudget, report.SettledByCountyBudget));
        Assert.Equal(Money.FromYuan(10_000m), report.Recovered);
        Assert.Equal(new RiskShares(Money.FromYuan(7_000m), Money.FromYuan(3_000m), Money.Zero), report.RecoveredShares);
    }

    [Fact]
    public async Task TheRegisterListsTheCountysClaimsWithTheirLatestStatus()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var first = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var second = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var posted = await second.PostNoticeAsync("县扶贫办", "notice");

        var claims = await Grains.GetGrain<IClaimRegisterGrain>(branch.County.Value).ListAsync();

        var expected = new[] { (first.GetPrimaryKeyString(), ClaimStatus.Filed), (posted.LoanId, ClaimStatus.UnderNotice) }
            .OrderBy(claim => claim.Item1, StringComparer.Ordinal);
        Assert.Equal(expected, claims.Select(claim => (claim.LoanId, claim.Status)));
    }
}
