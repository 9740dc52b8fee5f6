using Microfinance.Domain.Finance;

namespace Microfinance.Grains.Common;

/// <summary>What one loan holds of a limit: reserved until it expires, or confirmed for good.</summary>
[GenerateSerializer, Immutable, Alias("mf.Reservation")]
public sealed record Reservation(
    [property: Id(0)] Money Amount,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] bool Confirmed);
