using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;
using CountyDashboardUpdate = Microfinance.Abstractions.Dashboards.CountyDashboardUpdate;
using ProvinceDashboardUpdate = Microfinance.Abstractions.Dashboards.ProvinceDashboardUpdate;

namespace Microfinance.Silo.Api.Dashboards;

/// <summary>
/// The watches of the county and province dashboards as streams of the API's messages, for whatever
/// carries them: the gRPC watch, or the web page's event stream.
/// </summary>
public sealed class DashboardFeeds(IGrainFactory grains, ILogger<DashboardFeeds> logger)
{
    /// <summary>Writes <paramref name="county"/>'s dashboard to <paramref name="responses"/> until <paramref name="cancellation"/>.</summary>
    public Task WatchCountyAsync(
        AdminCode county, DashboardCursor? resume, IServerStreamWriter<WatchCountyResponse> responses, CancellationToken cancellation)
    {
        var dashboard = grains.Get<ICountyDashboardGrain>(county.Value);
        return new DashboardWatch<WatchCountyResponse>(logger, county.Value).RunAsync(
            resume,
            async cursor => Responses(county, await dashboard.NextAsync(cursor, DashboardWatch<WatchCountyResponse>.HeartbeatEvery), cursor),
            revision => new WatchCountyResponse { Heartbeat = new DashboardHeartbeat { Revision = revision } },
            responses,
            cancellation);
    }

    /// <summary>Writes <paramref name="province"/>'s rankings to <paramref name="responses"/> until <paramref name="cancellation"/>.</summary>
    public Task WatchProvinceAsync(
        AdminCode province, DashboardCursor? resume, IServerStreamWriter<WatchProvinceResponse> responses, CancellationToken cancellation)
    {
        var dashboard = grains.Get<IProvinceDashboardGrain>(province.Value);
        return new DashboardWatch<WatchProvinceResponse>(logger, province.Value).RunAsync(
            resume,
            async cursor => Responses(await dashboard.NextAsync(cursor, DashboardWatch<WatchProvinceResponse>.HeartbeatEvery), cursor),
            revision => new WatchProvinceResponse { Heartbeat = new DashboardHeartbeat { Revision = revision } },
            responses,
            cancellation);
    }

    private static (DashboardCursor, IReadOnlyList<WatchCountyResponse>) Responses(AdminCode county, CountyDashboardUpdate update, DashboardCursor? cursor)
    {
        var responses = new List<WatchCountyResponse>();
        if (update.Snapshot is { } snapshot)
        {
            responses.Add(new WatchCountyResponse { Snapshot = DashboardMapper.ToProto(snapshot) });
            cursor = new DashboardCursor(snapshot.ViewId, snapshot.Revision);
        }

        foreach (var delta in update.Deltas)
        {
            responses.Add(new WatchCountyResponse { Delta = DashboardMapper.ToProto(county, delta) });
            cursor = cursor! with { Revision = delta.Revision };
        }

        return (cursor!, responses);
    }

    private static (DashboardCursor, IReadOnlyList<WatchProvinceResponse>) Responses(ProvinceDashboardUpdate update, DashboardCursor? cursor)
    {
        var responses = new List<WatchProvinceResponse>();
        if (update.Snapshot is { } snapshot)
        {
            responses.Add(new WatchProvinceResponse { Snapshot = DashboardMapper.ToProto(snapshot) });
            cursor = new DashboardCursor(snapshot.ViewId, snapshot.Revision);
        }

        foreach (var delta in update.Deltas)
        {
            responses.Add(new WatchProvinceResponse { Delta = DashboardMapper.ToProto(delta) });
            cursor = cursor! with { Revision = delta.Revision };
        }

        return (cursor!, responses);
    }
}
