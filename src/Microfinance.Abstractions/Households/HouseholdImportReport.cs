namespace Microfinance.Abstractions.Households;

/// <summary>What one batch of a registry import did.</summary>
/// <param name="Registered">Households this batch registered.</param>
/// <param name="AlreadyRegistered">Households a replay found registered already, exactly as the batch has them.</param>
/// <param name="Refused">Households refused, each with its reason.</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdImportReport")]
public sealed record HouseholdImportReport(
    [property: Id(0)] int Registered,
    [property: Id(1)] IReadOnlyList<HouseholdRefusal> Refused,
    [property: Id(2)] int AlreadyRegistered);
