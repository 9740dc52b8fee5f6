namespace Microfinance.Abstractions.Households;

/// <summary>One household of an import batch that was not registered, and why.</summary>
/// <param name="RegistryNumber">The household.</param>
/// <param name="Reason">The stable reason code, e.g. <c>RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD</c>.</param>
/// <param name="Message">What was wrong, in words; never a resident id.</param>
[GenerateSerializer, Immutable, Alias("mf.HouseholdRefusal")]
public sealed record HouseholdRefusal(
    [property: Id(0)] string RegistryNumber,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Message);
