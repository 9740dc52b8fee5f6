using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>Watching a county's dashboard through the real gRPC stack: a snapshot, then deltas, and resuming.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;

    private DashboardService.DashboardServiceClient Dashboards => new(fixture.Channel);

    private LoanService.LoanServiceClient Loans => new(fixture.Channel);

    [Fact]
    public async Task AWatchStartsWithASnapshotOfTheCountysGrains()
    {
        var county = (await LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, QuotaFen, FundFen)).County;
        using var watch = Dashboards.WatchCounty(new WatchCountyRequest { CountyCode = county.County });

        var snapshot = (await NextAsync(watch)).Snapshot;

        var fund = (await new FundService.FundServiceClient(fixture.Channel).GetFundPositionAsync(new GetFundPositionRequest { FundId = county.FundId })).FundPosition;
        Assert.Equal(fund, Assert.Single(snapshot.Funds));
        var village = snapshot.Quotas.Single(quota => quota.RegionCode == county.Village);
        Assert.Equal((QuotaFen, 0L, LoanFen, 3000), (village.AllocatedFen, village.ReservedFen, village.UsedFen, village.UseBp));
        Assert.Equal(LoanFen, snapshot.Quotas.Single(quota => quota.RegionCode == county.County).UsedFen);
        var countyTally = snapshot.Tallies.Single(tally => tally.Scope == TallyScope.County).Tally;
        Assert.Equal((county.County, LoanFen), (countyTally.ScopeCode, countyTally.OutstandingFen));
        Assert.Equal(LoanFen, Assert.Single(snapshot.Season).DisbursedFen);
    }

    [Fact]
    public async Task ADisbursementReachesTheWatcherAsDeltasOnItsSnapshot()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var loanId = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, LoanFen);
        using var watch = Dashboards.WatchCounty(new WatchCountyRequest { CountyCode = county.County });
        var snapshot = (await NextAsync(watch)).Snapshot;

        await Loans.ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId });
        await Loans.RecordDisbursementAsync(new RecordDisbursementRequest
        {
            RequestId = Keys.NewRequestId(), LoanId = loanId, DisbursedDate = await BusinessDateAsync(county.County),
        });

        var deltas = new List<CountyDashboardDelta>();
        // Each part of the dashboard follows its own event or its own read: they come in any order.
        while (!deltas.Any(delta => delta.Tally is { Scope: TallyScope.County, Tally.OutstandingFen: LoanFen })
               || !deltas.Any(delta => delta.QuotaUse?.Regions.Any(region => region.RegionCode == county.Village && region.UsedFen == LoanFen) == true)
               || !deltas.Any(delta => delta.LendingDay is { Loans: 1, DisbursedFen: LoanFen }))
        {
            var update = await NextAsync(watch);
            if (update.Delta is { } delta)
            {
                deltas.Add(delta);
            }
        }

        Assert.Equal(Enumerable.Range(1, deltas.Count).Select(n => snapshot.Revision + n), deltas.Select(delta => delta.Revision));
    }

    [Fact]
    public async Task AWatchResumedFromItsLastRevisionGoesOnWithoutASnapshot()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        string viewId;
        long revision;
        using (var first = Dashboards.WatchCounty(new WatchCountyRequest { CountyCode = county.County }))
        {
            var snapshot = (await NextAsync(first)).Snapshot;
            (viewId, revision) = (snapshot.ViewId, snapshot.Revision);
        }

        var loanId = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, LoanFen);
        await Loans.ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId });
        using var resumed = Dashboards.WatchCounty(new WatchCountyRequest
        {
            CountyCode = county.County,
            Resume = new DashboardResume { ViewId = viewId, Revision = revision },
        });

        var update = await NextAsync(resumed);

        Assert.Equal(WatchCountyResponse.UpdateOneofCase.Delta, update.UpdateCase);
        Assert.Equal(revision + 1, update.Delta.Revision);
    }

    [Fact]
    public async Task AWatcherThatStopsReadingGetsASnapshotWhenItReadsAgainAndLendingNeverWaitsForIt()
    {
        var loan = await LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, QuotaFen, FundFen);

        // The county office's own connection, as a dashboard has: a connection that stops reading
        // holds up only its own streams (HTTP/2 flow control), never the bank's.
        var office = new DashboardService.DashboardServiceClient(
            fixture.ChannelWith(fixture.Tokens.Issue("stuck-county-office", Role.CountyOfficer, [loan.County.County])));
        using var stuck = office.WatchCounty(new WatchCountyRequest { CountyCode = loan.County.County });
        var first = (await NextAsync(stuck)).Snapshot;

        // Each repayment moves four tallies: more deltas than the view keeps and than HTTP/2 buffers
        // for a watcher that reads nothing, all made while it reads nothing.
        const int Repayments = 1_600;
        for (var i = 0; i < Repayments; i++)
        {
            await Loans.RecordRepaymentAsync(
                new RecordRepaymentRequest { RequestId = Keys.NewRequestId(), LoanId = loan.LoanId, PaidDate = Iso(loan.Today), AmountFen = 100 },
                deadline: DateTime.UtcNow.AddSeconds(30));
        }

        var left = LoanFen - (Repayments * 100);
        var revision = first.Revision;
        WatchCountyResponse update;
        do
        {
            update = await NextAsync(stuck);
            if (update.Delta is { } delta)
            {
                Assert.Equal(++revision, delta.Revision);
            }
        }
        while (update.Snapshot is null);

        // The snapshot is of the view as it stood; the last repayments' deltas may follow it.
        var outstanding = update.Snapshot.Tallies.Single(tally => tally.Scope == TallyScope.County).Tally.OutstandingFen;
        revision = update.Snapshot.Revision;
        while (outstanding != left)
        {
            var delta = (await NextAsync(stuck)).Delta;
            Assert.Equal(++revision, delta.Revision);
            if (delta.Tally is { Scope: TallyScope.County } county)
            {
                outstanding = county.Tally.OutstandingFen;
            }
        }
    }

    [Fact]
    public async Task AResumeFromAnUnknownViewGetsASnapshot()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        using var watch = Dashboards.WatchCounty(new WatchCountyRequest
        {
            CountyCode = county.County,
            Resume = new DashboardResume { ViewId = Guid.NewGuid().ToString(), Revision = 7 },
        });

        var update = await NextAsync(watch);

        Assert.Equal(county.County, update.Snapshot.CountyCode);
    }

    [Fact]
    public async Task WatchingAnUnregisteredCountyIsNotFound()
    {
        using var watch = Dashboards.WatchCounty(new WatchCountyRequest { CountyCode = "539999000000" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => NextAsync(watch));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task AResumeWithoutAViewIdIsInvalid()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        using var watch = Dashboards.WatchCounty(new WatchCountyRequest { CountyCode = county.County, Resume = new DashboardResume { Revision = 3 } });

        var refused = await Assert.ThrowsAsync<RpcException>(() => NextAsync(watch));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("resume.view_id", refused.ViolatedFields());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> BusinessDateAsync(string county) =>
        (await new ClockService.ClockServiceClient(fixture.Channel).GetBusinessDateAsync(new GetBusinessDateRequest { RegionCode = county })).BusinessDate.Date;

    /// <summary>The watch's next snapshot or delta, past any heartbeats; fails after 20 seconds without one, or if the watch ends.</summary>
    private static async Task<WatchCountyResponse> NextAsync(AsyncServerStreamingCall<WatchCountyResponse> watch)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token), "The watch ended.");
        }
        while (watch.ResponseStream.Current.UpdateCase == WatchCountyResponse.UpdateOneofCase.Heartbeat);

        return watch.ResponseStream.Current;
    }
}
