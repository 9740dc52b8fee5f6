using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Policies;
using Microfinance.Api.V1;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the county policy grains.</summary>
public sealed class PolicyGrpcService(IGrainFactory grains, BusinessClock clock) : PolicyService.PolicyServiceBase
{
    private const int MaxStopReasonLength = 200;

    public override async Task<CreatePolicyVersionResponse> CreatePolicyVersion(
        CreatePolicyVersionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var policy = PolicyReader.Read(check, request.Policy ?? new CountyPolicy());
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var version = await grains.Get<ICountyPolicyGrain>(county.Value).AddVersionAsync(policy, actor, requestId);
        return new CreatePolicyVersionResponse { PolicyVersion = PolicyMapper.ToProto(county, version) };
    }

    public override async Task<ListPolicyVersionsResponse> ListPolicyVersions(
        ListPolicyVersionsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 50, maxSize: 500);
        var after = check.PageToken("page_token", request.PageToken);
        check.ThrowIfInvalid();

        var versions = await grains.Get<ICountyPolicyGrain>(county.Value).ListVersionsAsync();

        // Versions are ordered by effective date, one per date, and ISO dates sort as strings.
        var remaining = versions
            .Where(v => after is null || string.CompareOrdinal(IsoDate.Format(v.Policy.EffectiveFrom), after) > 0)
            .ToList();
        var page = remaining.Take(pageSize).ToList();
        return new ListPolicyVersionsResponse
        {
            PolicyVersions = { page.Select(version => PolicyMapper.ToProto(county, version)) },
            NextPageToken = remaining.Count > pageSize ? PageToken.Encode(IsoDate.Format(page[^1].Policy.EffectiveFrom)) : "",
        };
    }

    public override async Task<GetLendingTermsResponse> GetLendingTerms(GetLendingTermsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var requested = check.OptionalDate("date", request.Date);
        check.ThrowIfInvalid();

        var date = requested ?? clock.TodayIn(county);

        var terms = await grains.Get<ICountyPolicyGrain>(county.Value).GetLendingTermsAsync(date);
        return new GetLendingTermsResponse { LendingTerms = PolicyMapper.ToProto(county, date, terms) };
    }

    public override async Task<SetLendingStopResponse> SetLendingStop(SetLendingStopRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var reason = request.Stopped
            ? check.Text("reason", request.Reason, MaxStopReasonLength)
            : check.OptionalText("reason", request.Reason, MaxStopReasonLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var today = clock.TodayIn(county);
        var terms = await grains.Get<ICountyPolicyGrain>(county.Value)
            .SetLendingStopAsync(request.Stopped, reason, today, actor, requestId);
        return new SetLendingStopResponse { LendingTerms = PolicyMapper.ToProto(county, today, terms) };
    }

    /// <summary>
    /// Reads the policy a request asks for: parameters left 0 or unset take the "5321" defaults,
    /// and every problem <see cref="DomainPolicy.Validate"/> finds is reported under its field.
    /// </summary>
}
