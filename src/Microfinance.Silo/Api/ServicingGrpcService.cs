using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Servicing;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the county books grains: the day-close (日终), the overdue tallies and the county's deferrals.</summary>
public sealed class ServicingGrpcService(IGrainFactory grains, BusinessClock clock) : ServicingService.ServicingServiceBase
{
    private const int MaxDeferralMonths = 120;
    private const int MaxReasonLength = 500;

    /// <summary>Three years: spring lending's maturities come due three years later.</summary>
    private const int DefaultMaturityMonths = 36;
    private const int MaxMaturityMonths = 60;

    public override async Task<CloseBusinessDaysResponse> CloseBusinessDays(CloseBusinessDaysRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        check.RequestId("request_id", request.RequestId);
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var requested = check.OptionalDate("through_date", request.ThroughDate);
        check.ThrowIfInvalid();

        var through = requested ?? clock.TodayIn(county).AddDays(-1);
        var books = await grains.Get<ICountyBooksGrain>(county.Value).CloseThroughAsync(through);
        return new CloseBusinessDaysResponse { Books = ServicingMapper.ToProto(county, books) };
    }

    public override async Task<GetCountyBooksResponse> GetCountyBooks(GetCountyBooksRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        check.ThrowIfInvalid();

        var books = await grains.Get<ICountyBooksGrain>(county.Value).GetAsync();
        return new GetCountyBooksResponse { Books = ServicingMapper.ToProto(county, books) };
    }

    public override async Task<DeclareDeferralResponse> DeclareDeferral(DeclareDeferralRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var from = check.Date("from_date", request.FromDate);
        var through = check.Date("through_date", request.ThroughDate);
        if (!check.HasViolation("from_date") && !check.HasViolation("through_date") && through < from)
        {
            check.Add("through_date", "must not be before from_date");
        }

        var months = check.Range("months", request.Months, 1, MaxDeferralMonths);
        var reason = check.Text("reason", request.Reason, MaxReasonLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var deferral = await grains.Get<ICountyDeferralsGrain>(county.Value)
            .DeclareAsync(from, through, months, reason, actor, requestId);
        return new DeclareDeferralResponse { Deferral = ServicingMapper.ToProto(county, deferral) };
    }

    public override async Task<ListDeferralsResponse> ListDeferrals(ListDeferralsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        check.ThrowIfInvalid();

        var deferrals = await grains.Get<ICountyDeferralsGrain>(county.Value).ListAsync();
        return new ListDeferralsResponse { Deferrals = { deferrals.Select(d => ServicingMapper.ToProto(county, d)) } };
    }

    public override async Task<GetMaturityWallResponse> GetMaturityWall(GetMaturityWallRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var months = request.Months == 0 ? DefaultMaturityMonths : check.Range("months", request.Months, 1, MaxMaturityMonths);
        check.ThrowIfInvalid();

        return new GetMaturityWallResponse { MaturityWall = await new MaturityWallReader(grains, clock).ReadAsync(county, months) };
    }

    public override async Task<GetCountyFiguresResponse> GetCountyFigures(GetCountyFiguresRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var from = check.OptionalDate("from_date", request.FromDate);
        var through = check.OptionalDate("through_date", request.ThroughDate);
        check.ThrowIfInvalid();

        var today = clock.TodayIn(county);
        var last = through ?? today;
        var first = from ?? new DateOnly(last.Year, 1, 1);
        if (last > today)
        {
            check.Add("through_date", "must not be after the county's business date");
        }

        if (first > last)
        {
            check.Add("from_date", "must not be after through_date (the county's business date when that is empty)");
        }

        check.ThrowIfInvalid();
        return new GetCountyFiguresResponse { Figures = await new CountyFiguresReader(grains).ReadAsync(county, first, last) };
    }
}
