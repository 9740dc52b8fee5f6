using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Households;
using Microfinance.Domain.Identity;
using Microfinance.Silo.Security;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps households to the proto contract, their people as <see cref="PersonalDataView"/> lets the caller see them.</summary>
public static class HouseholdMapper
{
    public static Proto.Household ToProto(HouseholdRecord household, PersonalDataView view) => new()
    {
        RegistryNumber = household.RegistryNumber.Value,
        VillageCode = household.Village.Value,
        Head = ToProto(household.Profile.HeadName, household.Profile.HeadResidentId, view),
        Members =
        {
            household.Profile.Members.Select(member => new Proto.HouseholdMember
            {
                Person = ToProto(member.Name, member.ResidentId, view),
                Relationship = ProtoEnums.ToProto(member.Relationship),
            }),
        },
        Category = ProtoEnums.ToProto(household.Profile.Category),
        LaborCapacity = ProtoEnums.ToProto(household.Profile.LaborCapacity),
        StarRating = household.Profile.StarRating,
        CreditHousehold = household.Profile.CreditHousehold,
        CreateTime = Timestamp.FromDateTimeOffset(household.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(household.UpdatedAt),
    };

    private static Proto.Person ToProto(string name, ResidentId? residentId, PersonalDataView view) => new()
    {
        Name = view.Name(name),
        ResidentId = view.ResidentId(residentId),
        BirthDate = view.BirthDate(residentId),
    };
}
