using Microfinance.Domain.Households;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>A household's profile changed; the event carries it as it is now.</summary>
/// <remarks>As with <see cref="HouseholdRegistered"/>, names and resident ids are not on the stream.</remarks>
/// <param name="RegistryNumber">The household's registry number (档案编号).</param>
/// <param name="Village">The village it lives in.</param>
/// <param name="Category">Its standing in the poverty information system.</param>
/// <param name="LaborCapacity">Its labour capacity.</param>
/// <param name="StarRating">Its credit-union star rating 1–5; 0 while not rated.</param>
/// <param name="MemberCount">How many people it has, the head included.</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdUpdated")]
public sealed record HouseholdUpdated(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string RegistryNumber,
    [property: Id(1)] AdminCode Village,
    [property: Id(2)] HouseholdCategory Category,
    [property: Id(3)] LaborCapacity LaborCapacity,
    [property: Id(4)] int StarRating,
    [property: Id(5)] int MemberCount) : CountyEvent(County, OccurredAt);
