using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microfinance.Domain.Errors;
using Microfinance.Grains.Common;

namespace Microfinance.Silo.Api.Errors;

/// <summary>
/// The one place that turns what escapes a service method into a gRPC status (<see cref="ErrorStatus"/>),
/// so services need no try/catch: a business refusal keeps its reason, anything unexpected becomes
/// INTERNAL without leaking its details.
/// </summary>
public sealed class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception error) when (error is not RpcException)
        {
            throw ToRpcException(error, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception error) when (error is not RpcException)
        {
            throw ToRpcException(error, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception error) when (error is not RpcException)
        {
            throw ToRpcException(error, context);
        }
    }

    private RpcException ToRpcException(Exception error, ServerCallContext context)
    {
        if (error is DomainException refusal)
        {
            return ErrorStatus.Of(refusal).ToRpcException();
        }

        if (IsPassing(error))
        {
            logger.LogWarning("{Method} could not finish: {Failure}; the caller may retry", context.Method, PassingCause(error));
            return ErrorStatus.Unavailable("The platform cannot reach its database or a silo just now; retry with the same request_id.").ToRpcException();
        }

        logger.LogError(error, "Unexpected failure in {Method}", context.Method);
        return ErrorStatus.Internal().ToRpcException();
    }

    /// <summary>
    /// Failures that pass by themselves: the database unreachable or restarting, a silo gone or a
    /// call timed out, or a grain's write refused because another activation of it wrote first (for a
    /// moment after a silo dies, the cluster may hold two). Nothing was half-applied (a grain whose
    /// write failed starts again from storage), and a retry under the same request_id never applies twice.
    /// </summary>
    public static bool IsPassing(Exception error) =>
        DatabaseFailure.Of(error) is { IsTransient: true }
        || DatabaseFailure.StaleWrite(error) is not null
        || error is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException;

    // The type names only: a database message can quote the row it failed on.
    private static string PassingCause(Exception error) =>
        DatabaseFailure.Of(error) is { } database ? $"{database.GetType().Name} {database.SqlState}"
        : DatabaseFailure.StaleWrite(error) is { } stale ? stale.GetType().Name
        : error.GetType().Name;
}
