using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microfinance.Domain.Errors;

namespace Microfinance.Silo.Api.Errors;

/// <summary>
/// The statuses the API reports for what is not an invalid request: a business refusal, with a
/// <see cref="ErrorInfo"/> whose reason clients can switch on, and an unexpected failure that leaks
/// nothing. A unary call fails with them; a decision in a bank's stream carries them in its result.
/// </summary>
public static class ErrorStatus
{
    /// <summary>The <see cref="ErrorInfo.Domain"/> of every error this API reports.</summary>
    public const string ErrorDomain = "microfinance.v1";

    /// <summary>NOT_FOUND, ALREADY_EXISTS, UNAVAILABLE or FAILED_PRECONDITION with the refusal's message and reason.</summary>
    public static Google.Rpc.Status Of(DomainException error) => new()
    {
        Code = (int)(error switch
        {
            NotFoundException => Code.NotFound,
            AlreadyExistsException => Code.AlreadyExists,
            TryAgainException => Code.Unavailable,
            _ => Code.FailedPrecondition,
        }),
        Message = error.Message,
        Details = { Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = ErrorDomain }) },
    };

    /// <summary>
    /// PERMISSION_DENIED or UNAUTHENTICATED with <paramref name="message"/> and a reason clients
    /// can switch on (<see cref="Security.AccessReasons"/>).
    /// </summary>
    public static Google.Rpc.Status Refused(Code code, string reason, string message) => new()
    {
        Code = (int)code,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = ErrorDomain }) },
    };

    /// <summary>INTERNAL, saying nothing of the failure; the caller logs it.</summary>
    public static Google.Rpc.Status Internal() => new() { Code = (int)Code.Internal, Message = "Internal error." };

    /// <summary>A passing failure the caller may retry (with the same request_id) as it is.</summary>
    public static Google.Rpc.Status Unavailable(string message) => new() { Code = (int)Code.Unavailable, Message = message };
}
