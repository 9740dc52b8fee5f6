using Grpc.Core;
using Microfinance.Abstractions.Servicing;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the county books grains: the day-close (日终) and the overdue tallies.</summary>
public sealed class ServicingGrpcService(IGrainFactory grains, BusinessClock clock) : ServicingService.ServicingServiceBase
{
    public override async Task<CloseBusinessDaysResponse> CloseBusinessDays(CloseBusinessDaysRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        check.RequestId("request_id", request.RequestId);
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var through = check.OptionalDate("through_date", request.ThroughDate) ?? clock.Today.AddDays(-1);
        check.Actor("actor", request.Actor);
        check.ThrowIfInvalid();

        var books = await grains.GetGrain<ICountyBooksGrain>(county.Value).CloseThroughAsync(through);
        return new CloseBusinessDaysResponse { Books = ServicingMapper.ToProto(county, books) };
    }

    public override async Task<GetCountyBooksResponse> GetCountyBooks(GetCountyBooksRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        check.ThrowIfInvalid();

        var books = await grains.GetGrain<ICountyBooksGrain>(county.Value).GetAsync();
        return new GetCountyBooksResponse { Books = ServicingMapper.ToProto(county, books) };
    }
}
