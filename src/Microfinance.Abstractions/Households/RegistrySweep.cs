namespace Microfinance.Abstractions.Households;

/// <summary>What a county's registry sweep found.</summary>
/// <param name="Households">The households swept.</param>
/// <param name="Conflicts">Households listing a person another household had claimed first, by registry number.</param>
[GenerateSerializer, Immutable, Alias("mf.RegistrySweep")]
public sealed record RegistrySweep(
    [property: Id(0)] int Households,
    [property: Id(1)] IReadOnlyList<string> Conflicts);
