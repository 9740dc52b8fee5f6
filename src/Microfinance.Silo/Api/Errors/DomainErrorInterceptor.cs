using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microfinance.Domain.Errors;

namespace Microfinance.Silo.Api.Errors;

/// <summary>
/// The one place that turns business outcomes into gRPC statuses, so services need no
/// try/catch: each status carries a <see cref="ErrorInfo"/> whose reason clients can switch on.
/// Anything unexpected becomes INTERNAL without leaking its details.
/// </summary>
public sealed class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    /// <summary>The <see cref="ErrorInfo.Domain"/> of every error this API reports.</summary>
    public const string ErrorDomain = "microfinance.v1";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DomainException error)
        {
            throw ToRpcException(error);
        }
        catch (Exception error) when (error is not RpcException)
        {
            logger.LogError(error, "Unexpected failure in {Method}", context.Method);
            throw new RpcException(new Grpc.Core.Status(StatusCode.Internal, "Internal error."));
        }
    }

    private static RpcException ToRpcException(DomainException error)
    {
        var code = error switch
        {
            NotFoundException => Code.NotFound,
            AlreadyExistsException => Code.AlreadyExists,
            _ => Code.FailedPrecondition,
        };
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = error.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = ErrorDomain }) },
        };
        return status.ToRpcException();
    }
}
