using Microfinance.Domain.Households;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Households;

/// <summary>A registered household.</summary>
/// <param name="RegistryNumber">The household's registry number (档案编号).</param>
/// <param name="Village">The village it lives in; fixed at registration.</param>
/// <param name="Profile">What the registry records about it.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="UpdatedAt">When it last changed.</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdRecord")]
public sealed record HouseholdRecord(
    [property: Id(0)] RegistryNumber RegistryNumber,
    [property: Id(1)] AdminCode Village,
    [property: Id(2)] HouseholdProfile Profile,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);
