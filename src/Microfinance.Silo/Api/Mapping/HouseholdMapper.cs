using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Households;
using Microfinance.Domain.Identity;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps households to the proto contract.</summary>
public static class HouseholdMapper
{
    public static Proto.Household ToProto(HouseholdRecord household) => new()
    {
        RegistryNumber = household.RegistryNumber.Value,
        VillageCode = household.Village.Value,
        Head = ToProto(household.Profile.HeadName, household.Profile.HeadResidentId),
        Members =
        {
            household.Profile.Members.Select(member => new Proto.HouseholdMember
            {
                Person = ToProto(member.Name, member.ResidentId),
                Relationship = ProtoEnums.ToProto(member.Relationship),
            }),
        },
        Category = ProtoEnums.ToProto(household.Profile.Category),
        LaborCapacity = ProtoEnums.ToProto(household.Profile.LaborCapacity),
        StarRating = household.Profile.StarRating,
        CreateTime = Timestamp.FromDateTimeOffset(household.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(household.UpdatedAt),
    };

    private static Proto.Person ToProto(string name, ResidentId? residentId) => new()
    {
        Name = name,
        ResidentId = residentId?.Value ?? "",
        BirthDate = residentId?.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    };
}
