namespace Microfinance.Abstractions.Households;

/// <summary>What one batch of a registry import did.</summary>
/// <param name="Registered">Households of the batch now registered, including those a replay found registered.</param>
/// <param name="Refused">Households refused, each with its reason.</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdImportReport")]
public sealed record HouseholdImportReport(
    [property: Id(0)] int Registered,
    [property: Id(1)] IReadOnlyList<HouseholdRefusal> Refused);
