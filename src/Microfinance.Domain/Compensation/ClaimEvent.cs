namespace Microfinance.Domain.Compensation;

/// <summary>One entry of a claim's audit trail: who did what, when, on which request.</summary>
/// <param name="RequestId">The request that did it; empty for a step the platform completed itself.</param>
/// <param name="Note">What the step recorded, in words.</param>
public sealed record ClaimEvent(
    ClaimAction Action,
    string Actor,
    DateTimeOffset At,
    string RequestId,
    string Note);
