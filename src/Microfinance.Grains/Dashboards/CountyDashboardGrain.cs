using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Streams;

namespace Microfinance.Grains.Dashboards;

/// <inheritdoc cref="ICountyDashboardGrain"/>
/// <remarks>
/// <para>
/// Reentrant: watchers' polls wait inside the grain for the next change, and events, refreshes and
/// other polls go on meanwhile. The awaits are reads (the snapshot, the refreshes); every change to
/// the view is made within one turn after them, and events heard during the snapshot read are
/// applied after it.
/// </para>
/// <para>
/// Implicitly subscribed to its county's stream, so it hears every event wherever it is activated,
/// but keeps a view only while someone watches: unwatched, it ignores the events. A view is rebuilt,
/// under a new view id, when the dashboard may have missed events: a silo died (memory streams lose
/// what was queued on it), or the books reached a revision whose tallies never arrived.
/// </para>
/// </remarks>
[Reentrant]
[ImplicitStreamSubscription(CountyEvents.StreamNamespace)]
public sealed class CountyDashboardGrain(BusinessClock clock, IClusterMembershipService membership, ILogger<CountyDashboardGrain> logger)
    : Grain, ICountyDashboardGrain
{
    /// <summary>How often stale figures are read again: the most they lag their event by.</summary>
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the books may be ahead of the tallies heard before the view counts them as lost.</summary>
    private static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(2);

    /// <summary>How long after the last poll the view is kept.</summary>
    private static readonly TimeSpan WatchedFor = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the figures are computed again while watched, besides at each day's close: they read
    /// every household of the county, too much for every change, and the provinces publish them weekly.
    /// </summary>
    private static readonly TimeSpan FiguresEvery = TimeSpan.FromMinutes(10);

    /// <summary>How long after the province last asked the county reports its standing to it.</summary>
    private static readonly TimeSpan ProvinceWatchesFor = TimeSpan.FromMinutes(10);

    /// <summary>How often at most the county reports its standing to the province.</summary>
    private static readonly TimeSpan StandingPeriod = TimeSpan.FromMilliseconds(500);

    private CountyDashboardSource? _source;
    private ViewKeeper<CountyDashboardView, CountyEvent>? _views;
    private HashSet<SiloAddress> _deadWhenRead = [];
    private (long Revision, DateTimeOffset At)? _booksProbe;
    private DateTimeOffset _lastPolled = DateTimeOffset.MinValue;
    private DateTimeOffset _figuresComputedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _provinceAskedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _standingReportedAt = DateTimeOffset.MinValue;
    private long _standingReportedRevision = -1;

    private AdminCode County => AdminCode.Parse(this.GetPrimaryKeyString());

    private CountyDashboardSource Source => _source ??= new CountyDashboardSource(GrainFactory, clock);

    private ViewKeeper<CountyDashboardView, CountyEvent> Views => _views ??= new(ReadAsync, (view, countyEvent) => view.Apply(countyEvent));

    private bool Watched => clock.Now - _lastPolled < WatchedFor || ProvinceWatches;

    private bool ProvinceWatches => clock.Now - _provinceAskedAt < ProvinceWatchesFor;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(CountyEvents.ProviderName).GetStream<CountyEvent>(CountyEvents.StreamOf(County));
        await stream.SubscribeAsync((countyEvent, _) => HearAsync(countyEvent));
        this.RegisterGrainTimer(_ => TickAsync(), RefreshPeriod, RefreshPeriod);
    }

    public async Task<CountyDashboardUpdate> NextAsync(DashboardCursor? after, TimeSpan wait)
    {
        _lastPolled = clock.Now;
        var deltas = await ViewLog<CountyDashboardDelta>.PollAsync(after, wait, async () => (await Views.GetAsync()).Log);
        return deltas is null ? new CountyDashboardUpdate((await Views.GetAsync()).Snapshot(), []) : new CountyDashboardUpdate(null, deltas);
    }

    public async Task<CountyStanding> GetStandingAsync()
    {
        _provinceAskedAt = clock.Now;
        var view = await Views.GetAsync();
        _standingReportedRevision = view.Log.Revision;
        return view.Standing();
    }

    private Task HearAsync(CountyEvent countyEvent)
    {
        Views.Hear(countyEvent);
        return Task.CompletedTask;
    }

    /// <summary>Reads the view from the county's grains; the checks for missed events start again from it.</summary>
    private Task<CountyDashboardView> ReadAsync()
    {
        _deadWhenRead = DeadSilos();
        _booksProbe = null;
        _figuresComputedAt = clock.Now;
        return Source.ReadAsync(County);
    }

    /// <summary>
    /// Refreshes the view, checks it for missed events and reports the county's standing. A grain it
    /// reads may be unreachable for a moment (a silo stopping or failing): the tick tries again at the
    /// next period.
    /// </summary>
    private async Task TickAsync()
    {
        try
        {
            await RefreshAndCheckAsync();
        }
        catch (Exception failure) when (failure is OrleansException or TimeoutException or SiloUnavailableException)
        {
            logger.LogDebug("The dashboard of county {County} skipped a refresh: {Failure}", County, failure.GetType().Name);
        }
    }

    private async Task RefreshAndCheckAsync()
    {
        if (Views.Current is not { } view)
        {
            if (ProvinceWatches)
            {
                await Views.GetAsync();
            }

            return;
        }

        if (!Watched)
        {
            Discard(view);
            return;
        }

        await RefreshAsync(view);
        await RefreshFiguresAsync(view);

        // A new year is a new season: its chart and figures start again from the grains.
        if (await MissedEventsAsync(view) || clock.TodayIn(County).Year != view.SeasonYear)
        {
            Discard(view);
            await Views.GetAsync();
            return;
        }

        await ReportStandingAsync(view);
    }

    /// <summary>Reads again what events marked stale; each read figure that changed becomes a delta.</summary>
    private async Task RefreshAsync(CountyDashboardView view)
    {
        if (!view.HasStale)
        {
            return;
        }

        // Taken in this turn: events heard during the reads mark their figures for the next refresh.
        AdminCode[] regions = [.. view.StaleQuotas];
        string[] banks = [.. view.StaleFunds];
        string[] claims = [.. view.StaleClaims];
        var lendingStop = view.StaleLendingStop;
        view.StaleQuotas.Clear();
        view.StaleFunds.Clear();
        view.StaleClaims.Clear();
        view.StaleLendingStop = false;

        var quotas = Source.ReadQuotasAsync(regions);
        var funds = Source.ReadFundsAsync(County, banks);
        var claimed = Source.ReadClaimsAsync(claims);
        var stopped = lendingStop ? Source.ReadLendingStopAsync(County) : Task.FromResult(view.LendingStopped);

        try
        {
            // Taken together in one turn, so a watcher never sees one refresh half applied.
            await Task.WhenAll(quotas, funds, claimed, stopped);
        }
        catch
        {
            // Read again at the next refresh: the figures are stale still.
            view.StaleQuotas.UnionWith(regions);
            view.StaleFunds.UnionWith(banks);
            view.StaleClaims.UnionWith(claims);
            view.StaleLendingStop |= lendingStop;
            throw;
        }

        view.TakeQuotas(await quotas);
        foreach (var fund in await funds)
        {
            view.TakeFund(fund);
        }

        foreach (var claim in await claimed)
        {
            view.TakeClaim(claim);
        }

        view.TakeLendingStop(await stopped);
    }

    /// <summary>Computes the figures again after a day's close, or when they have not been for a while.</summary>
    private async Task RefreshFiguresAsync(CountyDashboardView view)
    {
        if (!view.StaleFigures && clock.Now - _figuresComputedAt < FiguresEvery)
        {
            return;
        }

        // Marked first: a close during the computation marks them for the next tick.
        view.StaleFigures = false;
        _figuresComputedAt = clock.Now;
        view.TakeFigures(await Source.ReadFiguresAsync(County));
    }

    /// <summary>
    /// Whether the view may have missed events: a silo died since it was read (its stream queue may
    /// have held some), or the books have held a revision for longer than events take to arrive
    /// without the view hearing it.
    /// </summary>
    private async Task<bool> MissedEventsAsync(CountyDashboardView view)
    {
        if (!DeadSilos().IsSubsetOf(_deadWhenRead))
        {
            return true;
        }

        var now = clock.Now;
        if (_booksProbe is { } probe)
        {
            if (now - probe.At < GapGrace)
            {
                return false;
            }

            if (view.BooksRevision < probe.Revision)
            {
                return true;
            }
        }

        _booksProbe = (await GrainFactory.Get<ICountyBooksGrain>(County.Value).GetRevisionAsync(), now);
        return false;
    }

    private async Task ReportStandingAsync(CountyDashboardView view)
    {
        var now = clock.Now;
        if (!ProvinceWatches || view.Log.Revision == _standingReportedRevision || now - _standingReportedAt < StandingPeriod)
        {
            return;
        }

        _standingReportedRevision = view.Log.Revision;
        _standingReportedAt = now;
        await GrainFactory.Get<IProvinceDashboardGrain>(County.Province.Value).ReportAsync(view.Standing());
    }

    /// <summary>Drops the view; its watchers wake and go on with the next one, which they get a snapshot of.</summary>
    private void Discard(CountyDashboardView view)
    {
        if (Views.Current == view)
        {
            _standingReportedRevision = -1;
        }

        Views.Discard(view);

        view.Log.Close();
    }

    private HashSet<SiloAddress> DeadSilos() =>
        [.. membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Dead).Select(member => member.SiloAddress)];
}
