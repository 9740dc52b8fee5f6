using Grpc.Core;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Dashboards;
using Microfinance.Silo.Api.Validation;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the dashboard grains: a snapshot, then deltas, for as long as the watcher stays.</summary>
public sealed class DashboardGrpcService(DashboardFeeds feeds) : DashboardService.DashboardServiceBase
{
    public override Task WatchCounty(WatchCountyRequest request, IServerStreamWriter<WatchCountyResponse> responseStream, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var resume = check.DashboardResume("resume", request.Resume);
        check.ThrowIfInvalid();

        return feeds.WatchCountyAsync(county, resume, responseStream, context.CancellationToken);
    }

    public override Task WatchProvince(WatchProvinceRequest request, IServerStreamWriter<WatchProvinceResponse> responseStream, ServerCallContext context)
    {
        var check = new RequestValidator();
        var province = check.AdminCode("province_code", request.ProvinceCode, AdminLevel.Province);
        var resume = check.DashboardResume("resume", request.Resume);
        check.ThrowIfInvalid();

        return feeds.WatchProvinceAsync(province, resume, responseStream, context.CancellationToken);
    }
}
