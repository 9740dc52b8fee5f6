using Grpc.Core;
using Grpc.Core.Interceptors;
using Microfinance.Silo.Api.Errors;

namespace Microfinance.Silo.Security;

/// <summary>
/// Admits every call before its service runs: the bearer token must have been validated
/// (UNAUTHENTICATED otherwise), its claims must name a caller (<see cref="Caller"/>), and
/// <see cref="AccessPolicy"/> must allow the request. Health checks stay open for probes;
/// reflection is open to any authenticated caller.
/// </summary>
public sealed class AccessInterceptor(AccessPolicy policy) : Interceptor
{
    private const string HealthService = "/grpc.health.v1.Health/";
    private const string ReflectionServices = "/grpc.reflection.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context, request);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context, request);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context, request: null);
        return await continuation(requestStream, context);
    }

    /// <summary>A stream is admitted as a whole; its service holds each message to the rule of the unary RPC it stands for.</summary>
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context, request: null);
        await continuation(requestStream, responseStream, context);
    }

    private async ValueTask AdmitAsync(ServerCallContext context, object? request)
    {
        if (context.Method.StartsWith(HealthService, StringComparison.Ordinal))
        {
            return;
        }

        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw string.IsNullOrEmpty(context.RequestHeaders.GetValue("authorization"))
                ? Unauthenticated(AccessReasons.TokenMissing, "A bearer token is required.")
                : Unauthenticated(AccessReasons.TokenInvalid, "The bearer token is not valid: expired, or not signed by a trusted key for this issuer and audience.");
        }

        var caller = Caller.From(user, out var problem)
            ?? throw ErrorStatus.Refused(Google.Rpc.Code.PermissionDenied, AccessReasons.TokenClaimsInvalid, $"Permission denied: {problem}.").ToRpcException();
        context.Identify(caller);
        var touched = context.Method.StartsWith(ReflectionServices, StringComparison.Ordinal)
            ? []
            : await policy.AuthorizeAsync(caller, context.Method, request);
        context.Admit(caller, touched);
    }

    private static RpcException Unauthenticated(string reason, string message) =>
        ErrorStatus.Refused(Google.Rpc.Code.Unauthenticated, reason, message).ToRpcException();
}
