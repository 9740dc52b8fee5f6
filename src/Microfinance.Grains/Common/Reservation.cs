using Microfinance.Domain.Finance;

namespace Microfinance.Grains.Common;

/// <summary>What one loan holds of a limit: reserved until it expires, or confirmed for good.</summary>
/// <param name="Amount">Principal held: reserved, or outstanding once confirmed.</param>
/// <param name="ExpiresAt">When an unconfirmed reservation lapses.</param>
/// <param name="Confirmed">Whether the loan was disbursed.</param>
/// <param name="RepaymentsApplied">The sequence number of the last repayment taken off <paramref name="Amount"/>.</param>
[GenerateSerializer, Immutable, Alias("mf.Reservation")]
public sealed record Reservation(
    [property: Id(0)] Money Amount,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] bool Confirmed,
    [property: Id(3)] int RepaymentsApplied = 0);
