using Microfinance.Abstractions.Households;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;

namespace Microfinance.Grains.Tests.Support;

/// <summary>Household profiles for tests.</summary>
public static class Profiles
{
    public static HouseholdProfile Household(ResidentId? head = null) => new(
        "张三",
        head ?? TestKeys.NewResidentId(),
        [new HouseholdMemberRecord("李四", null, Relationship.Spouse)],
        HouseholdCategory.RegisteredPoor,
        LaborCapacity.Ordinary,
        StarRating: 3);
}
