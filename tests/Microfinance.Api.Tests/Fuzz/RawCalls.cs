using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests.Fuzz;

/// <summary>
/// Sends payloads as they are, bytes in and bytes out, to any RPC, and tallies the statuses: a
/// malformed payload reaches the server exactly as built.
/// </summary>
public sealed class RawCalls(CallInvoker invoker)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<StatusCode, int> _statuses = new();
    private int _requests;

    /// <summary>Every INTERNAL or UNKNOWN answer: the RPC, the status and the payload that caused it.</summary>
    public ConcurrentQueue<string> Offenders { get; } = new();

    /// <summary>Sends one request, or one stream of <paramref name="payloads"/> to a streaming RPC.</summary>
    public async Task<StatusCode> SendAsync(MethodDescriptor rpc, IReadOnlyList<byte[]> payloads)
    {
        Interlocked.Add(ref _requests, payloads.Count);
        var status = rpc.IsClientStreaming || rpc.IsServerStreaming
            ? await StreamAsync(rpc, payloads)
            : await UnaryAsync(rpc, payloads[0]);
        _statuses.AddOrUpdate(status.StatusCode, 1, (_, count) => count + 1);
        if (status.StatusCode is StatusCode.Internal or StatusCode.Unknown)
        {
            Offend(rpc, status.StatusCode.ToString(), status.Detail, payloads);
        }

        return status.StatusCode;
    }

    /// <summary>The figures: requests sent, and how many calls ended in each status.</summary>
    public string Summary() =>
        $"{_requests} requests in {_statuses.Values.Sum()} calls; "
        + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));

    private async Task<Status> UnaryAsync(MethodDescriptor rpc, byte[] payload)
    {
        try
        {
            await invoker.AsyncUnaryCall(Method(rpc, MethodType.Unary), null, new CallOptions(deadline: DateTime.UtcNow + Deadline), payload);
            return Status.DefaultSuccess;
        }
        catch (RpcException error)
        {
            return error.Status;
        }
    }

    // Any streaming RPC is called as a duplex one: on the wire they differ only in how many messages flow.
    private async Task<Status> StreamAsync(MethodDescriptor rpc, IReadOnlyList<byte[]> payloads)
    {
        using var call = invoker.AsyncDuplexStreamingCall(
            Method(rpc, MethodType.DuplexStreaming), null, new CallOptions(deadline: DateTime.UtcNow + Deadline));
        try
        {
            foreach (var payload in payloads)
            {
                await call.RequestStream.WriteAsync(payload);
            }

            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                CheckResult(rpc, call.ResponseStream.Current, payloads);
            }

            return call.GetStatus();
        }
        catch (RpcException error)
        {
            return error.Status;
        }
    }

    /// <summary>A bank's stream reports each refused decision in its result rather than as the call's status.</summary>
    private void CheckResult(MethodDescriptor rpc, byte[] response, IReadOnlyList<byte[]> payloads)
    {
        if (rpc.OutputType.ClrType == typeof(StreamBankDecisionsResponse)
            && StreamBankDecisionsResponse.Parser.ParseFrom(response).Error is { Code: (int)StatusCode.Internal or (int)StatusCode.Unknown } error)
        {
            Offend(rpc, $"decision {(StatusCode)error.Code}", error.Message, payloads);
        }
    }

    private void Offend(MethodDescriptor rpc, string status, string detail, IReadOnlyList<byte[]> payloads) =>
        Offenders.Enqueue($"{rpc.FullName}: {status} \"{detail}\" after {string.Join(" | ", payloads.Select(Hex))}");

    private static string Hex(byte[] payload) => Convert.ToHexString(payload.AsSpan(0, Math.Min(payload.Length, 96)));

    private static Method<byte[], byte[]> Method(MethodDescriptor rpc, MethodType type) =>
        new(type, rpc.Service.FullName, rpc.Name, Bytes, Bytes);
}
