using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microfinance.Domain.Errors;

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

        logger.LogError(error, "Unexpected failure in {Method}", context.Method);
        return ErrorStatus.Internal().ToRpcException();
    }
}
