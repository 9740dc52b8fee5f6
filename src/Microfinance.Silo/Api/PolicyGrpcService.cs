using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Policies;
using Microfinance.Api.V1;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using DomainCategory = Microfinance.Domain.Households.HouseholdCategory;
using DomainPolicy = Microfinance.Domain.Policies.CountyPolicy;
using DomainWindow = Microfinance.Domain.Policies.LendingWindow;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the county policy grains.</summary>
public sealed class PolicyGrpcService(IGrainFactory grains, BusinessClock clock) : PolicyService.PolicyServiceBase
{
    private const int MaxPolicyNameLength = 50;
    private const int MaxStopReasonLength = 200;
    private const int MaxShareBasisPoints = 10_000;

    public override async Task<CreatePolicyVersionResponse> CreatePolicyVersion(
        CreatePolicyVersionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var policy = ReadPolicy(check, request.Policy ?? new CountyPolicy());
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
    private static DomainPolicy ReadPolicy(RequestValidator check, CountyPolicy policy)
    {
        var defaults = DomainPolicy.Default5321(check.Date("policy.effective_date", policy.EffectiveDate));
        var name = check.OptionalText("policy.name", policy.Name, MaxPolicyNameLength);

        var categories = new HashSet<DomainCategory>();
        for (var i = 0; i < policy.EligibleCategories.Count; i++)
        {
            if (ProtoEnums.ToDomain(policy.EligibleCategories[i]) is { } category)
            {
                categories.Add(category);
            }
            else
            {
                check.Add($"policy.eligible_categories[{i}]", "is not a household category");
            }
        }

        var interestSource = defaults.InterestSource;
        if (policy.InterestSource != Microfinance.Api.V1.InterestSource.Unspecified)
        {
            if (ProtoEnums.ToDomain(policy.InterestSource) is { } source)
            {
                interestSource = source;
            }
            else
            {
                check.Add("policy.interest_source", "is not an interest source");
            }
        }

        var read = defaults with
        {
            Name = name.Length > 0 ? name : defaults.Name,
            HouseholdCap = OrDefault(policy.HouseholdCapFen, defaults.HouseholdCap),
            TopUpCap = policy.TopUpCapFen == 0 ? null : new Money(policy.TopUpCapFen),
            TopUpSubsidised = policy.TopUpSubsidised,
            TopUpCompensated = policy.TopUpCompensated,
            MaxTermMonths = OrDefault(policy.MaxTermMonths, defaults.MaxTermMonths),
            MinBorrowerAge = OrDefault(policy.MinBorrowerAge, defaults.MinBorrowerAge),
            MaxBorrowerAge = OrDefault(policy.MaxBorrowerAge, defaults.MaxBorrowerAge),
            EligibleCategories = categories.Count > 0 ? categories : defaults.EligibleCategories,
            InterestSource = interestSource,
            RateMayFloatUp = policy.RateMayFloatUp,
            SubsidySharePercent = Share(check, "policy.subsidy_share_bp", policy.SubsidyShareBp, defaults.SubsidySharePercent),
            SubsidyOnlyWhenRepaidOnTime = policy.HasSubsidyOnlyWhenRepaidOnTime
                ? policy.SubsidyOnlyWhenRepaidOnTime
                : defaults.SubsidyOnlyWhenRepaidOnTime,
            LeverageMultiple = OrDefault(policy.LeverageMultiple, defaults.LeverageMultiple),
            FundSharePercent = Share(check, "policy.fund_share_bp", policy.FundShareBp, defaults.FundSharePercent),
            OverdueDaysBeforeClaim = OrDefault(policy.OverdueDaysBeforeClaim, defaults.OverdueDaysBeforeClaim),
            PublicNoticeDays = OrDefault(policy.PublicNoticeDays, defaults.PublicNoticeDays),
            LegalPersonAmountPerDrivenHousehold = OrDefault(
                policy.LegalPersonAmountPerDrivenHouseholdFen, defaults.LegalPersonAmountPerDrivenHousehold),
            LegalPersonCap = OrDefault(policy.LegalPersonCapFen, defaults.LegalPersonCap),
            LegalPersonShareOfTownshipQuotaPercent = Share(
                check, "policy.legal_person_share_bp", policy.LegalPersonShareBp, defaults.LegalPersonShareOfTownshipQuotaPercent),
            LendingWindow = policy.LendingWindow is { } window
                ? new DomainWindow(window.StartMonth, window.StartDay, window.EndMonth, window.EndDay)
                : null,
            NplTolerancePercent = Share(check, "policy.npl_tolerance_bp", policy.NplToleranceBp, defaults.NplTolerancePercent),
            ApprovalValidityDays = OrDefault(policy.ApprovalValidityDays, defaults.ApprovalValidityDays),
            CollectionPeriodDays = OrDefault(policy.CollectionPeriodDays, defaults.CollectionPeriodDays),
            MaxExtensionMonths = policy.HasMaxExtensionMonths ? policy.MaxExtensionMonths : defaults.MaxExtensionMonths,
            MaxDeferralMonths = policy.HasMaxDeferralMonths ? policy.MaxDeferralMonths : defaults.MaxDeferralMonths,
        };

        foreach (var problem in read.Validate())
        {
            var (field, description) = PolicyMapper.ToFieldViolation("policy", problem);
            if (!check.HasViolation(field))
            {
                check.Add(field, description);
            }
        }

        return read;
    }

    private static int OrDefault(int value, int defaultValue) => value == 0 ? defaultValue : value;

    private static Money OrDefault(long fen, Money defaultValue) => fen == 0 ? defaultValue : new Money(fen);

    private static decimal Share(RequestValidator check, string field, int basisPoints, decimal defaultPercent)
    {
        if (basisPoints == 0)
        {
            return defaultPercent;
        }

        check.Range(field, basisPoints, 1, MaxShareBasisPoints);
        return PolicyMapper.ToPercent(basisPoints);
    }
}
