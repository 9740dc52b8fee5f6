using Microfinance.Domain.Policies;

namespace Microfinance.Abstractions.Policies;

/// <summary>A recorded version of a county's policy, with who recorded it and when.</summary>
[GenerateSerializer, Immutable, Alias("mf.PolicyVersionRecord")]
public sealed record PolicyVersionRecord(
    [property: Id(0)] CountyPolicy Policy,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string RequestId);
