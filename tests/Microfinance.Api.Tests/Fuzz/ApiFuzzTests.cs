using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Xunit.Abstractions;

namespace Microfinance.Api.Tests.Fuzz;

/// <summary>
/// Random, mutated and malformed requests to every RPC, with the provincial administrator's token
/// so that they pass authorization and reach the grains: none may be answered INTERNAL or UNKNOWN.
/// </summary>
public sealed class ApiFuzzTests(FuzzApiFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzApiFixture>
{
    /// <summary>Fixed, so that a failure replays with the same payloads.</summary>
    private const int Seed = 20_261_202;

    private const int RequestsPerRpc = 200;
    private const int MaxItemsPerStream = 4;
    private const int Parallelism = 8;

    [Fact]
    public async Task NoRequestToAnyRpcIsAnsweredInternalOrUnknown()
    {
        var county = await FuzzSetup.NewCountyAsync(fixture);
        var values = new FuzzValues(new Random(Seed), county);
        var requests = new FuzzRequests(values);
        var calls = FuzzSetup.Rpcs()
            .SelectMany(rpc => Enumerable.Range(0, RequestsPerRpc).Select(_ => (Rpc: rpc, Payloads: Payloads(rpc, requests, values))))
            .ToList();
        var raw = new RawCalls(fixture.Channel.CreateCallInvoker());

        await Parallel.ForEachAsync(
            calls, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (call, _) => await raw.SendAsync(call.Rpc, call.Payloads));

        output.WriteLine(raw.Summary());
        Assert.True(raw.Offenders.IsEmpty, $"{raw.Offenders.Count} offenders:\n{string.Join("\n", raw.Offenders.Take(40))}");
        var health = await new Health.HealthClient(fixture.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        await new FundService.FundServiceClient(fixture.Channel).GetFundPositionAsync(new GetFundPositionRequest { FundId = county.FundId });
    }

    private static IReadOnlyList<byte[]> Payloads(MethodDescriptor rpc, FuzzRequests requests, FuzzValues values) =>
        rpc.IsClientStreaming
            ? [.. Enumerable.Range(0, 1 + values.Next(MaxItemsPerStream)).Select(_ => requests.Next(rpc.InputType))]
            : [requests.Next(rpc.InputType)];
}
