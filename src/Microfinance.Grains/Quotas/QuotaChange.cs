using Microfinance.Domain.Finance;

namespace Microfinance.Grains.Quotas;

/// <summary>One quota allocation: the region it went to, the amount, who set it, when, on which request.</summary>
[GenerateSerializer, Immutable, Alias("mf.QuotaChange")]
public sealed record QuotaChange(
    [property: Id(0)] string Region,
    [property: Id(1)] Money Amount,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string RequestId);
