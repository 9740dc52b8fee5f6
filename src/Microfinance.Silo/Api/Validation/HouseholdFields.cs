using Microfinance.Abstractions.Households;
using Microfinance.Api.V1;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;

namespace Microfinance.Silo.Api.Validation;

/// <summary>
/// Reads a household as the API receives it, however it came: a registration's message, or a row of
/// a registry export (the import makes each row such a message). One set of rules for both.
/// </summary>
public static class HouseholdFields
{
    public const int MaxPersonNameLength = 50;
    public const int MaxMembers = 30;
    public const int MaxStarRating = 5;

    /// <summary>The household's registry number, village and profile; each problem is reported under <paramref name="path"/>.</summary>
    public static (RegistryNumber RegistryNumber, AdminCode Village, HouseholdProfile Profile) Read(RequestValidator check, Household household, string path)
    {
        var registryNumber = check.RegistryNumber($"{path}.registry_number", household.RegistryNumber);
        var village = check.AdminCode($"{path}.village_code", household.VillageCode, AdminLevel.Village);
        var headId = check.ResidentId($"{path}.head.resident_id", household.Head?.ResidentId);
        var profile = new HouseholdProfile(
            check.Text($"{path}.head.name", household.Head?.Name, MaxPersonNameLength),
            headId,
            ReadMembers(check, household, headId, path),
            check.Enum($"{path}.category", ProtoEnums.ToDomain(household.Category)),
            check.Enum($"{path}.labor_capacity", ProtoEnums.ToDomain(household.LaborCapacity)),
            check.Range($"{path}.star_rating", household.StarRating, 0, MaxStarRating),
            household.CreditHousehold);
        return (registryNumber, village, profile);
    }

    /// <summary>The members, each resident id at most once in the household (the head's included).</summary>
    public static List<HouseholdMemberRecord> ReadMembers(RequestValidator check, Household household, ResidentId? headId, string path)
    {
        if (household.Members.Count > MaxMembers)
        {
            check.Add($"{path}.members", $"must list at most {MaxMembers} members");
        }

        var seen = new HashSet<ResidentId>();
        if (headId is { } head)
        {
            seen.Add(head);
        }

        var members = new List<HouseholdMemberRecord>();
        for (var i = 0; i < household.Members.Count; i++)
        {
            var field = $"{path}.members[{i}]";
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
