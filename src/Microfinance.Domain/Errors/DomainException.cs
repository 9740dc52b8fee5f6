namespace Microfinance.Domain.Errors;

/// <summary>
/// Base of every exception that reports a business outcome rather than a fault. The
/// <see cref="Reason"/> is a stable UPPER_SNAKE code that API clients can switch on.
/// </summary>
/// <remarks>
/// The reason travels in <see cref="Exception.Data"/> because Orleans' exception codec carries
/// the type, message and data of an exception across silos, but not custom properties.
/// </remarks>
public abstract class DomainException : Exception
{
    private const string ReasonKey = "mf.reason";

    protected DomainException(string reason, string message)
        : base(message)
    {
        Data[ReasonKey] = reason;
    }

    /// <summary>The stable reason code, e.g. <c>VILLAGE_NOT_FOUND</c>.</summary>
    public string Reason => Data[ReasonKey] as string ?? "UNKNOWN";
}
