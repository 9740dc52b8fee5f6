namespace Microfinance.Abstractions.Common;

/// <summary>One page of an ordered key list, with the key to continue after.</summary>
/// <param name="Keys">The keys of this page, in order.</param>
/// <param name="NextAfter">The last key of this page when more follow; null on the last page.</param>
[GenerateSerializer, Immutable, Alias("mf.KeyPage")]
public sealed record KeyPage(
    [property: Id(0)] IReadOnlyList<string> Keys,
    [property: Id(1)] string? NextAfter);
