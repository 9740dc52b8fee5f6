namespace Microfinance.Domain.Errors;

/// <summary>The request names an entity that is not registered.</summary>
public sealed class NotFoundException(string reason, string message)
    : DomainException(reason, message);
