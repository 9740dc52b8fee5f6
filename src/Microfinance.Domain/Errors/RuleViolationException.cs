namespace Microfinance.Domain.Errors;

/// <summary>A business rule blocked the request; the state it depends on must change first.</summary>
public sealed class RuleViolationException(string reason, string message)
    : DomainException(reason, message);
