namespace Microfinance.Abstractions.Households;

/// <summary>One household of a registry import: its registry number and what the registry records about it.</summary>
[GenerateSerializer, Immutable, Alias("mf.HouseholdRegistration")]
public sealed record HouseholdRegistration(
    [property: Id(0)] string RegistryNumber,
    [property: Id(1)] HouseholdProfile Profile);
