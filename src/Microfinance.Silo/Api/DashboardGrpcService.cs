using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Dashboards;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using CountyDashboardUpdate = Microfinance.Abstractions.Dashboards.CountyDashboardUpdate;
using ProvinceDashboardUpdate = Microfinance.Abstractions.Dashboards.ProvinceDashboardUpdate;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the dashboard grains: a snapshot, then deltas, for as long as the watcher stays.</summary>
public sealed class DashboardGrpcService(IGrainFactory grains, ILogger<DashboardGrpcService> logger) : DashboardService.DashboardServiceBase
{
    public override async Task WatchCounty(WatchCountyRequest request, IServerStreamWriter<WatchCountyResponse> responseStream, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var resume = check.DashboardResume("resume", request.Resume);
        check.ThrowIfInvalid();

        var dashboard = grains.Get<ICountyDashboardGrain>(county.Value);
        await new DashboardWatch<WatchCountyResponse>(logger, county.Value).RunAsync(
            resume,
            async cursor => Responses(county, await dashboard.NextAsync(cursor, DashboardWatch<WatchCountyResponse>.HeartbeatEvery), cursor),
            revision => new WatchCountyResponse { Heartbeat = new DashboardHeartbeat { Revision = revision } },
            responseStream,
            context.CancellationToken);
    }

    public override async Task WatchProvince(WatchProvinceRequest request, IServerStreamWriter<WatchProvinceResponse> responseStream, ServerCallContext context)
    {
        var check = new RequestValidator();
        var province = check.AdminCode("province_code", request.ProvinceCode, AdminLevel.Province);
        var resume = check.DashboardResume("resume", request.Resume);
        check.ThrowIfInvalid();

        var dashboard = grains.Get<IProvinceDashboardGrain>(province.Value);
        await new DashboardWatch<WatchProvinceResponse>(logger, province.Value).RunAsync(
            resume,
            async cursor => Responses(await dashboard.NextAsync(cursor, DashboardWatch<WatchProvinceResponse>.HeartbeatEvery), cursor),
            revision => new WatchProvinceResponse { Heartbeat = new DashboardHeartbeat { Revision = revision } },
            responseStream,
            context.CancellationToken);
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
