using Google.Rpc;
using Grpc.Core;

namespace Microfinance.Api.Tests.Support;

/// <summary>Reads the rich status details a failed call carries.</summary>
public static class RpcErrors
{
    /// <summary>The fields named by the call's <see cref="BadRequest"/> detail.</summary>
    public static IReadOnlyList<string> ViolatedFields(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    /// <summary>The reason of the call's <see cref="ErrorInfo"/> detail.</summary>
    public static string? Reason(this RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
}
