namespace Microfinance.Domain.Errors;

/// <summary>The request would register an entity whose key is already taken.</summary>
public sealed class AlreadyExistsException(string reason, string message)
    : DomainException(reason, message);
