namespace Microfinance.Abstractions.Compensation;

/// <summary>One entry of a claim's audit trail: who did what, when, on which request.</summary>
/// <param name="RequestId">The request that did it; empty for a step the platform completed itself.</param>
/// <param name="Note">What the step recorded, in words.</param>
[GenerateSerializer, Immutable, Alias("mf.ClaimEvent")]
public sealed record ClaimEvent(
    [property: Id(0)] ClaimAction Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string RequestId,
    [property: Id(4)] string Note);
