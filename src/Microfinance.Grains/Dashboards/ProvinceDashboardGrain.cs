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

    private ProvinceDashboardView? _view;
    private Task<ProvinceDashboardView>? _reading;
    private List<CountyStanding> _heardWhileReading = [];
    private DateTimeOffset _lastPolled = DateTimeOffset.MinValue;

    private AdminCode Province => AdminCode.Parse(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => TickAsync(), AskAgainEvery, AskAgainEvery);
        return Task.CompletedTask;
    }

    public async Task<ProvinceDashboardUpdate> NextAsync(DashboardCursor? after, TimeSpan wait)
    {
        _lastPolled = clock.Now;
        var deltas = await ViewLog<CountyStandingDelta>.PollAsync(after, wait, async () => (await ViewAsync()).Log);
        return deltas is null ? new ProvinceDashboardUpdate((await ViewAsync()).Snapshot(), []) : new ProvinceDashboardUpdate(null, deltas);
    }

    public Task ReportAsync(CountyStanding standing)
    {
        if (_view is { } view)
        {
            view.Take(standing);
        }
        else if (_reading is not null)
        {
            _heardWhileReading.Add(standing);
        }

        return Task.CompletedTask;
    }

    private Task<ProvinceDashboardView> ViewAsync() =>
        _view is { } view ? Task.FromResult(view) : _reading ??= ReadAsync();

    private async Task<ProvinceDashboardView> ReadAsync()
    {
        try
        {
            _heardWhileReading = [];
            var record = await GrainFactory.GetRegion(Province).GetAsync();
            var view = new ProvinceDashboardView(Province, record.Name);
            view.Load(await AskCountiesAsync());
            foreach (var standing in _heardWhileReading)
            {
                view.Take(standing);
            }

            _view = view;
            return view;
        }
        finally
        {
            _heardWhileReading = [];
            _reading = null;
        }
    }

    private async Task TickAsync()
    {
        if (_view is not { } view)
        {
            return;
        }

        if (clock.Now - _lastPolled >= WatchedFor)
        {
            _view = null;
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
