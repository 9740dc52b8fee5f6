using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Api.V1;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the household registry grains.</summary>
public sealed class HouseholdGrpcService(IGrainFactory grains) : HouseholdService.HouseholdServiceBase
{
    private const int MaxPersonNameLength = 50;
    private const int MaxMembers = 30;
    private const int MaxStarRating = 5;

    private static readonly string[] UpdatablePaths = ["head", "members", "category", "labor_capacity", "star_rating", "credit_household"];

    public override async Task<RegisterHouseholdResponse> RegisterHousehold(
        RegisterHouseholdRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var household = request.Household ?? new Household();
        var registryNumber = check.RegistryNumber("household.registry_number", household.RegistryNumber);
        var village = check.AdminCode("household.village_code", household.VillageCode, AdminLevel.Village);
        var headId = check.ResidentId("household.head.resident_id", household.Head?.ResidentId);
        var profile = new HouseholdProfile(
            check.Text("household.head.name", household.Head?.Name, MaxPersonNameLength),
            headId,
            ReadMembers(check, household, headId),
            check.Enum("household.category", ProtoEnums.ToDomain(household.Category)),
            check.Enum("household.labor_capacity", ProtoEnums.ToDomain(household.LaborCapacity)),
            check.Range("household.star_rating", household.StarRating, 0, MaxStarRating),
            household.CreditHousehold);
        check.ThrowIfInvalid();

        var registered = await grains.Get<IHouseholdGrain>(registryNumber.Value).RegisterAsync(village, profile, requestId);
        return new RegisterHouseholdResponse { Household = HouseholdMapper.ToProto(registered, PersonalDataView.For(context.Caller())) };
    }

    public override async Task<UpdateHouseholdResponse> UpdateHousehold(UpdateHouseholdRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var household = request.Household ?? new Household();
        var registryNumber = check.RegistryNumber("household.registry_number", household.RegistryNumber);
        var paths = request.UpdateMask?.Paths is { Count: > 0 } masked ? masked.ToHashSet() : UpdatablePaths.ToHashSet();
        foreach (var unknown in paths.Except(UpdatablePaths))
        {
            check.Add("update_mask.paths", $"'{unknown}' cannot be updated; allowed: {string.Join(", ", UpdatablePaths)}");
        }

        ResidentId? headId = paths.Contains("head") ? check.ResidentId("household.head.resident_id", household.Head?.ResidentId) : null;
        var update = new HouseholdUpdate(
            paths.Contains("head") ? check.Text("household.head.name", household.Head?.Name, MaxPersonNameLength) : null,
            headId,
            paths.Contains("members") ? ReadMembers(check, household, headId) : null,
            paths.Contains("category") ? check.Enum("household.category", ProtoEnums.ToDomain(household.Category)) : null,
            paths.Contains("labor_capacity") ? check.Enum("household.labor_capacity", ProtoEnums.ToDomain(household.LaborCapacity)) : null,
            paths.Contains("star_rating") ? check.Range("household.star_rating", household.StarRating, 0, MaxStarRating) : null,
            paths.Contains("credit_household") ? household.CreditHousehold : null);
        check.ThrowIfInvalid();

        var updated = await grains.Get<IHouseholdGrain>(registryNumber.Value).UpdateAsync(update, requestId);
        return new UpdateHouseholdResponse { Household = HouseholdMapper.ToProto(updated, PersonalDataView.For(context.Caller())) };
    }

    public override async Task<GetHouseholdResponse> GetHousehold(GetHouseholdRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var registryNumber = check.RegistryNumber("registry_number", request.RegistryNumber);
        check.ThrowIfInvalid();

        var household = await grains.Get<IHouseholdGrain>(registryNumber.Value).GetAsync();
        return new GetHouseholdResponse { Household = HouseholdMapper.ToProto(household, PersonalDataView.For(context.Caller())) };
    }

    public override async Task<ListHouseholdsResponse> ListHouseholds(ListHouseholdsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var village = check.AdminCode("village_code", request.VillageCode, AdminLevel.Village);
        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 50, maxSize: 500);
        var after = check.PageToken("page_token", request.PageToken);
        check.ThrowIfInvalid();

        var page = await grains.Get<IVillageGrain>(village.Value).ListHouseholdsAsync(after, pageSize);
        var households = await Task.WhenAll(page.Keys.Select(key => grains.Get<IHouseholdGrain>(key).GetAsync()));
        var view = PersonalDataView.For(context.Caller());
        return new ListHouseholdsResponse
        {
            Households = { households.Select(household => HouseholdMapper.ToProto(household, view)) },
            NextPageToken = PageToken.Encode(page.NextAfter),
        };
    }

    /// <summary>Reads the members, each resident id appearing at most once in the household.</summary>
    private static List<HouseholdMemberRecord> ReadMembers(RequestValidator check, Household household, ResidentId? headId)
    {
        if (household.Members.Count > MaxMembers)
        {
            check.Add("household.members", $"must list at most {MaxMembers} members");
        }

        var seen = new HashSet<ResidentId>();
        if (headId is { } head)
        {
            seen.Add(head);
        }

        var members = new List<HouseholdMemberRecord>();
        for (var i = 0; i < household.Members.Count; i++)
        {
            var field = $"household.members[{i}]";
            var member = household.Members[i];
            var residentId = check.OptionalResidentId($"{field}.person.resident_id", member.Person?.ResidentId);
            if (residentId is { } id && !seen.Add(id))
            {
                check.Add($"{field}.person.resident_id", "appears twice in the household");
            }

            members.Add(new HouseholdMemberRecord(
                check.Text($"{field}.person.name", member.Person?.Name, MaxPersonNameLength),
                residentId,
                check.Enum($"{field}.relationship", ProtoEnums.ToDomain(member.Relationship))));
        }

        return members;
    }
}
