namespace Microfinance.Domain.Errors;

/// <summary>
/// The request could not be decided now, and nothing changed; the same request, sent again a little
/// later, will be (gRPC UNAVAILABLE, the status clients retry).
/// </summary>
public sealed class TryAgainException(string reason, string message)
    : DomainException(reason, message);
