using Grpc.Core;
using Microfinance.Abstractions.Calendar;
using Microfinance.Abstractions.Regions;
using Microfinance.Api.V1;
using Microfinance.Domain.Calendar;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Calendar;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Clock;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;
using Microsoft.Extensions.Options;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the business dates and, in a training or integration environment, of the practice clock.</summary>
public sealed class ClockGrpcService(IGrainFactory grains, BusinessClock clock, IOptions<PracticeClockOptions> practice)
    : ClockService.ClockServiceBase
{
    public override Task<GetBusinessDateResponse> GetBusinessDate(GetBusinessDateRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var region = check.AdminCode("region_code", request.RegionCode);
        check.ThrowIfInvalid();

        return Task.FromResult(new GetBusinessDateResponse { BusinessDate = DateOf(region) });
    }

    public override async Task<SetPracticeDateResponse> SetPracticeDate(SetPracticeDateRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var region = PracticeRegion(check, request.RegionCode);
        var date = check.Date("date", request.Date);
        check.ThrowIfInvalid();

        await grains.GetRegion(region).GetAsync();
        var dates = await Clock().MoveToAsync(region, date, context.Caller().Subject, requestId);
        var response = new SetPracticeDateResponse { BusinessDate = DateOf(region, dates) };
        response.ClosedCounties.Add(await CloseAsync(region));
        return response;
    }

    public override async Task<AdvancePracticeDateResponse> AdvancePracticeDate(AdvancePracticeDateRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var region = PracticeRegion(check, request.RegionCode);
        var days = check.Range("days", request.Days, 1, PracticeCalendar.MaxDaysAhead);
        check.ThrowIfInvalid();

        await grains.GetRegion(region).GetAsync();
        var dates = await Clock().AdvanceAsync(region, days, context.Caller().Subject, requestId);
        var response = new AdvancePracticeDateResponse { BusinessDate = DateOf(region, dates) };
        response.ClosedCounties.Add(await CloseAsync(region));
        return response;
    }

    private IPracticeClockGrain Clock() => grains.GetGrain<IPracticeClockGrain>(IPracticeClockGrain.Key);

    /// <summary>A province or a county: the regions a practice date is kept for.</summary>
    private static AdminCode PracticeRegion(RequestValidator check, string code)
    {
        var region = check.AdminCode("region_code", code);
        if (!check.HasViolation("region_code") && region.Level is not (AdminLevel.Province or AdminLevel.County))
        {
            check.Add("region_code", "must be a province or county code: a township or village keeps its county's date");
        }

        return region;
    }

    /// <summary>The region's date on the calendar this silo follows, once it follows <paramref name="moved"/> or a later one.</summary>
    private BusinessDate DateOf(AdminCode region, PracticeDates? moved = null)
    {
        if (moved is not null)
        {
            clock.Follow(moved);
        }

        var daysAhead = clock.DaysAheadIn(region);
        return new BusinessDate
        {
            RegionCode = region.Value,
            Date = IsoDate.Format(clock.CalendarToday.AddDays(daysAhead)),
            DaysAhead = daysAhead,
            Practice = practice.Value.Enabled,
        };
    }

    private async Task<IEnumerable<ClosedCounty>> CloseAsync(AdminCode region) =>
        (await new PassedDays(grains, clock).CloseAsync(region)).Select(closed => new ClosedCounty
        {
            CountyCode = closed.County.Value,
            LastClosedDate = closed.LastClosed is { } day ? IsoDate.Format(day) : "",
        });
}
