using Microfinance.Domain.Households;

namespace Microfinance.Silo.Demo;

/// <summary>One demo household, written the way a registry export lists it.</summary>
public sealed record DemoHousehold(
    string RegistryNumber,
    string Village,
    string HeadName,
    string HeadResidentId,
    HouseholdCategory Category,
    LaborCapacity LaborCapacity,
    int StarRating);
