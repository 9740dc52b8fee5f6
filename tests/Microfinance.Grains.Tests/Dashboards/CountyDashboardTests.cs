using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Reporting;
using Microfinance.Grains.Dashboards;
using Microfinance.Grains.Tests.Support;
using Microfinance.Testing.Dashboards;

namespace Microfinance.Grains.Tests.Dashboards;

/// <summary>A county's live dashboard: a snapshot of its grains, then the deltas its events bring.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CountyDashboardTests(ClusterFixture fixture)
{
    private static readonly Money Amount = Money.FromYuan(50_000m);

    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task TheSnapshotShowsWhatTheCountysGrainsHold()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Amount);
        await loan.ApproveAsync(ClaimSteps.Rate, "信贷员", "approve");
        var today = fixture.TodayIn(branch.County);
        await loan.RecordDisbursementAsync(today, "信贷员", "disburse");
        var watcher = new CountyDashboardReplica(Dashboard(branch));

        await watcher.PollAsync(TimeSpan.Zero);

        Assert.Equal(Amount, watcher.Quotas[branch.Village].Used);
        Assert.Equal(Amount, watcher.Quotas[branch.Township].Used);
        Assert.Equal(Amount, watcher.Quotas[branch.County].Used);
        Assert.Equal(Amount, watcher.Funds[LendingBranch.BankCode].Outstanding);
        Assert.Equal(Amount, watcher.Tallies[CountyBooks.CountyKey].Outstanding);
        Assert.Equal(new LendingDay(today, 1, Amount), watcher.Season[today]);
    }

    [Fact]
    public async Task AWatcherReceivesTheDeltasOfALoanInTheOrderItMoved()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Amount);
        var watcher = new CountyDashboardReplica(Dashboard(branch));
        await watcher.PollAsync(TimeSpan.Zero);
        var today = fixture.TodayIn(branch.County);

        await loan.ApproveAsync(ClaimSteps.Rate, "信贷员", "approve");
        await watcher.UntilAsync(w => w.Quotas[branch.Village].Reserved == Amount && w.Funds[LendingBranch.BankCode].Reserved == Amount);
        await loan.RecordDisbursementAsync(today, "信贷员", "disburse");
        await watcher.UntilAsync(w => w.Tallies.GetValueOrDefault(CountyBooks.CountyKey)?.Outstanding == Amount && w.Season.ContainsKey(today));
        await loan.RecordRepaymentAsync(today, Money.FromYuan(20_000m), "信贷员", "repay");
        await watcher.UntilAsync(w => w.Tallies[CountyBooks.CountyKey].Outstanding == Money.FromYuan(30_000m) && w.Quotas[branch.Village].Used == Amount);

        var countyTallies = watcher.Deltas.OfType<TallyDelta>().Where(delta => delta.Key == CountyBooks.CountyKey).Select(delta => delta.Figures.Outstanding);
        Assert.Equal([Amount, Money.FromYuan(30_000m)], countyTallies);
        Assert.Equal(1, watcher.Snapshots);
        Assert.Equal(Amount, watcher.Quotas[branch.Village].Used);
        Assert.Equal(Money.Zero, watcher.Quotas[branch.Village].Reserved);
        Assert.Equal(new LendingDay(today, 1, Amount), watcher.Season[today]);
    }

    [Fact]
    public async Task AClaimAppearsWhenFiledAndLeavesTheListWhenCompensated()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var watcher = new CountyDashboardReplica(Dashboard(branch));
        await watcher.PollAsync(TimeSpan.Zero);

        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Amount);
        await watcher.UntilAsync(w => w.Claims.ContainsKey(claim.GetPrimaryKeyString()));
        await ClaimSteps.CompensatedAsync(fixture, claim);
        await watcher.UntilAsync(w => w.Claims.Count == 0);

        // The claim's year of waiting may cross into a new season, whose view starts from a snapshot.
        var steps = watcher.ClaimsShown.Select(claim => claim.Status).ToList();
        Assert.Equal(ClaimStatus.Filed, steps[0]);
        Assert.Equal(steps.Order(), steps);
    }

    [Fact]
    public async Task AReconnectingWatcherGetsTheSameFiguresAsOneThatFollowedTheDeltas()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var follower = new CountyDashboardReplica(Dashboard(branch));
        await follower.PollAsync(TimeSpan.Zero);
        var today = fixture.TodayIn(branch.County);
        for (var i = 0; i < 3; i++)
        {
            var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Amount);
            await loan.ApproveAsync(ClaimSteps.Rate, "信贷员", "approve");
            await loan.RecordDisbursementAsync(today, "信贷员", "disburse");
        }

        await follower.UntilAsync(w => w.Quotas[branch.County].Used == Money.FromYuan(150_000m) && w.Season.GetValueOrDefault(today)?.Loans == 3
            && w.Tallies.GetValueOrDefault(CountyBooks.CountyKey)?.Outstanding == Money.FromYuan(150_000m)
            && w.Funds[LendingBranch.BankCode] is { Reserved.IsPositive: false, Outstanding.Fen: 15_000_000 });
        var reconnected = new CountyDashboardReplica(Dashboard(branch));

        await reconnected.PollAsync(TimeSpan.Zero);

        Assert.Equal(follower.Quotas, reconnected.Quotas);
        Assert.Equal(follower.Funds, reconnected.Funds);
        Assert.Equal(follower.Season, reconnected.Season);
        Assert.Equal(follower.Tallies.Keys.Order(), reconnected.Tallies.Keys.Order());
        Assert.All(follower.Tallies, entry => Assert.Equal(entry.Value.Outstanding, reconnected.Tallies[entry.Key].Outstanding));
        Assert.Equal(await branch.Fund.GetPositionAsync(), reconnected.Funds[LendingBranch.BankCode]);
    }

    [Fact]
    public async Task AWatcherThatFellFurtherBehindThanTheViewKeepsGetsASnapshotOfWhatLendingDidMeanwhile()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), Amount);
        await loan.ApproveAsync(ClaimSteps.Rate, "信贷员", "approve");
        var today = fixture.TodayIn(branch.County);
        await loan.RecordDisbursementAsync(today, "信贷员", "disburse");
        var stuck = new CountyDashboardReplica(Dashboard(branch));
        await stuck.PollAsync(TimeSpan.Zero);

        // Each repayment moves four tallies (county, township, village, bank): more deltas than the view keeps.
        const int Repayments = CountyDashboardView.DeltasKept / 4 + 10;
        for (var i = 0; i < Repayments; i++)
        {
            await loan.RecordRepaymentAsync(today, Money.FromYuan(1m), "信贷员", $"repay-{i}");
        }

        var left = Amount - Money.FromYuan(Repayments);
        var follower = new CountyDashboardReplica(Dashboard(branch));
        await follower.UntilAsync(w => w.Tallies.GetValueOrDefault(CountyBooks.CountyKey)?.Outstanding == left);
        await stuck.PollAsync(TimeSpan.Zero);

        Assert.Equal(2, stuck.Snapshots);
        Assert.Empty(stuck.Deltas);
        Assert.Equal(left, stuck.Tallies[CountyBooks.CountyKey].Outstanding);
    }

    [Fact]
    public async Task TheCountysFiguresComeWithTheSnapshotAndAreComputedAgainWhenADayCloses()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var first = await branch.NewHouseholdAsync();
        var second = await branch.NewHouseholdAsync();
        var today = fixture.TodayIn(branch.County);
        await DisburseAsync(await branch.ReviewedLoanAsync(first, Amount), today);
        var watcher = new CountyDashboardReplica(Dashboard(branch));
        await watcher.PollAsync(TimeSpan.Zero);
        var atSnapshot = watcher.Figures.Single(figures => figures.Kind == FigureScopeKind.County);
        await DisburseAsync(await branch.ReviewedLoanAsync(second, Amount), today);

        await fixture.MoveCountyToAsync(branch.County, today.AddDays(1));
        await Grains.GetGrain<ICountyBooksGrain>(branch.County.Value).CloseThroughAsync(today);
        await watcher.UntilAsync(w => w.Deltas.OfType<FiguresDelta>().Any());

        // 户贷率: one household of two borrowing, then both.
        Assert.Equal((1, 2, 5000), (atSnapshot.HouseholdsBorrowing, atSnapshot.EligibleHouseholds, atSnapshot.BorrowingRateBp));
        var afterClose = watcher.Figures.Single(figures => figures.Kind == FigureScopeKind.County);
        Assert.Equal((2, 2, 10000), (afterClose.HouseholdsBorrowing, afterClose.EligibleHouseholds, afterClose.BorrowingRateBp));
    }

    private static async Task DisburseAsync(ILoanGrain loan, DateOnly on)
    {
        await loan.ApproveAsync(ClaimSteps.Rate, "信贷员", "approve");
        await loan.RecordDisbursementAsync(on, "信贷员", "disburse");
    }

    private ICountyDashboardGrain Dashboard(LendingBranch branch) => Grains.GetGrain<ICountyDashboardGrain>(branch.County.Value);
}
