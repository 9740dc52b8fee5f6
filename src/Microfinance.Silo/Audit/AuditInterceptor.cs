using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microfinance.Silo.Api.Errors;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Audit;

/// <summary>
/// Records every unary change an authenticated caller asks for, allowed or refused, once its
/// outcome is known. An allowed change is acknowledged only after its record is durable: if the
/// record cannot be kept the caller gets UNAVAILABLE, and its retry (same request_id) replays the
/// change without applying it twice and records it then. A bank's stream records each decision
/// itself (<see cref="Api.Loans.BankDecisionRunner"/>).
/// </summary>
public sealed class AuditInterceptor(AuditRecorder recorder, ILogger<AuditInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!RpcAccessTable.Rules.TryGetValue(context.Method, out var rule) || rule.Subject is null)
        {
            return await continuation(request, context);
        }

        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (RpcException refused)
        {
            await RecordRefusalAsync(context, request, rule.Subject(request), refused);
            throw;
        }

        await RecordAsync(context, request, rule.Subject(request), StatusCode.OK, reason: null);
        return response;
    }

    // The refusal stands whether or not its record could be kept; only a failure to keep it is logged.
    private async Task RecordRefusalAsync(ServerCallContext context, object request, AuditSubject subject, RpcException refused)
    {
        try
        {
            await RecordAsync(context, request, subject, refused.StatusCode, refused.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        }
        catch (RpcException)
        {
            logger.LogWarning("The audit record of a refused {Method} could not be kept", context.Method);
        }
    }

    private async Task RecordAsync(ServerCallContext context, object request, AuditSubject subject, StatusCode outcome, string? reason)
    {
        // A call without a valid token names no one: there is nobody to record.
        if (context.IdentifiedCaller() is not { } caller)
        {
            return;
        }

        try
        {
            await recorder.RecordAsync(caller, context.Method, RequestIdOf(request), subject, context.TouchedRegions(), outcome, reason);
        }
        catch (Exception failure) when (failure is not RpcException)
        {
            logger.LogWarning("The audit trail could not keep a record of {Method}: {Failure}", context.Method, failure.GetType().Name);
            throw ErrorStatus.Unavailable("The change's audit record could not be kept; retry with the same request_id.").ToRpcException();
        }
    }

    private static string RequestIdOf(object request) =>
        request is IMessage message && message.Descriptor.FindFieldByName("request_id")?.Accessor.GetValue(message) is string id ? id : "";
}
