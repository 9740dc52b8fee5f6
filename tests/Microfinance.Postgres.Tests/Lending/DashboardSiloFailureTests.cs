using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Testing.Dashboards;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// A county's dashboard watched while one of three silos is killed mid-lending: whatever the dead
/// silo held (the dashboard grain, the stream's queue and the events in it), the watcher ends with
/// the figures the grains hold.
/// </summary>
public sealed class DashboardSiloFailureTests : IAsyncLifetime
{
    private const int Loans = 40;

    private readonly FailoverCluster _cluster = new("mf_dashfail");

    private LendingCounty County => new(_cluster.Grains);

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task TheWatchHealsAfterASiloDies()
    {
        var households = await County.SetUpAsync(Loans);
        var watcher = new CountyDashboardReplica(_cluster.Grains.GetGrain<ICountyDashboardGrain>(LendingCounty.County.Value));
        await PollAsync(watcher, TimeSpan.Zero);
        await OriginateAsync(households, 0, Loans / 2);

        await _cluster.KillASiloAsync();
        await OriginateAsync(households, Loans / 2, Loans);

        var lent = new Money(Enumerable.Range(0, Loans).Sum(i => LendingCounty.Amount(i).Fen));
        await PollUntilAsync(watcher, w =>
            w.Quotas.GetValueOrDefault(LendingCounty.County)?.Used == lent
            && w.Tallies.GetValueOrDefault(CountyBooks.CountyKey)?.Outstanding == lent
            && w.Season.Values.Sum(day => day.Loans) == Loans);
        var fund = await _cluster.Grains.GetGrain<IFundAccountGrain>(FundAccountId.For(LendingCounty.County, LendingCounty.Bank)).GetPositionAsync();
        await PollUntilAsync(watcher, w => w.Funds.GetValueOrDefault(LendingCounty.Bank) == fund);
    }

    private async Task OriginateAsync(IReadOnlyList<string> households, int from, int to)
    {
        await Task.WhenAll(Enumerable.Range(from, to - from).Select(async i =>
        {
            var loanId = $"L-{i:000}";
            var loan = await County.ApplyAndReviewAsync(loanId, households[i], LendingCounty.Amount(i));
            var approved = await Retry.UntilAnsweredAsync(() => loan.ApproveAsync(null, "信贷员", $"{loanId}-approve"));
            await Retry.UntilAnsweredAsync(() => loan.RecordDisbursementAsync(approved.ApprovalDate!.Value, "信贷员", $"{loanId}-disburse"));
        }));
    }

    /// <summary>Polls as a watch does after a silo failure: a call that fails on the dead silo is asked again.</summary>
    private static async Task PollUntilAsync(CountyDashboardReplica watcher, Func<CountyDashboardReplica, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!done(watcher))
        {
            timeout.Token.ThrowIfCancellationRequested();
            await PollAsync(watcher, TimeSpan.FromSeconds(1));
        }
    }

    private static Task<bool> PollAsync(CountyDashboardReplica watcher, TimeSpan wait) =>
        Retry.UntilAnsweredAsync(async () =>
        {
            await watcher.PollAsync(wait);
            return true;
        });
}
