using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Orleans.Concurrency;

namespace Microfinance.Grains.Dashboards;

/// <inheritdoc cref="IProvinceDashboardGrain"/>
/// <remarks>
/// Reentrant for the same reason as <see cref="CountyDashboardGrain"/>: polls wait inside it. While
/// watched it asks every county again every few minutes, which keeps the counties reporting and heals
/// a report lost with a silo; a county's rebuilt dashboard reports at once.
/// </remarks>
[Reentrant]
public sealed class ProvinceDashboardGrain(BusinessClock clock) : Grain, IProvinceDashboardGrain
{
    /// <summary>How often the counties are asked again while the province is watched.</summary>
    private static readonly TimeSpan AskAgainEvery = TimeSpan.FromMinutes(3);

    /// <summary>How long after the last poll the view is kept.</summary>
    private static readonly TimeSpan WatchedFor = TimeSpan.FromMinutes(5);


    /// <summary>How many counties are asked at once.</summary>
    private const int AtOnce = 16;

    private ViewKeeper<ProvinceDashboardView, CountyStanding>? _views;
    private DateTimeOffset _lastPolled = DateTimeOffset.MinValue;

    private AdminCode Province => AdminCode.Parse(this.GetPrimaryKeyString());

    private ViewKeeper<ProvinceDashboardView, CountyStanding> Views => _views ??= new(ReadAsync, (view, standing) => view.Take(standing));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => TickAsync(), AskAgainEvery, AskAgainEvery);
        return Task.CompletedTask;
    }

    public async Task<ProvinceDashboardUpdate> NextAsync(DashboardCursor? after, TimeSpan wait)
    {
        _lastPolled = clock.Now;
        var deltas = await ViewLog<CountyStandingDelta>.PollAsync(after, wait, async () => (await Views.GetAsync()).Log);
        return deltas is null ? new ProvinceDashboardUpdate((await Views.GetAsync()).Snapshot(), []) : new ProvinceDashboardUpdate(null, deltas);
    }

    public Task ReportAsync(CountyStanding standing)
    {
        Views.Hear(standing);
        return Task.CompletedTask;
    }

    private async Task<ProvinceDashboardView> ReadAsync()
    {
        var record = await GrainFactory.GetRegion(Province).GetAsync();
        var view = new ProvinceDashboardView(Province, record.Name);
        view.Load(await AskCountiesAsync());
        return view;
    }

    private async Task TickAsync()
    {
        if (Views.Current is not { } view)
        {
            return;
        }

        if (clock.Now - _lastPolled >= WatchedFor)
        {
            Views.Discard(view);
            view.Log.Close();
            return;
        }

        foreach (var standing in await AskCountiesAsync())
        {
            view.Take(standing);
        }
    }

    /// <summary>Every registered county's standing; asking also keeps each county reporting here.</summary>
    private async Task<List<CountyStanding>> AskCountiesAsync()
    {
        var standings = new List<CountyStanding>();
        var counties = await KeyPages.ReadAllAsync(GrainFactory.Get<IProvinceGrain>(Province.Value).ListSubregionsAsync);
        foreach (var chunk in counties.Chunk(AtOnce))
        {
            standings.AddRange(await Task.WhenAll(chunk.Select(county => GrainFactory.Get<ICountyDashboardGrain>(county).GetStandingAsync())));
        }

        return standings;
    }
}
