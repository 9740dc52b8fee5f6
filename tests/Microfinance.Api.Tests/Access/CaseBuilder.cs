using Grpc.Core;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Microfinance.Api.Tests.Access;

/// <summary>Shapes of <see cref="RpcCase"/>: a read everyone makes alike, or a change on something fresh per caller.</summary>
public static class CaseBuilder
{
    public static string MethodName(ServiceDescriptor service, string method) => $"/{service.FullName}/{method}";

    /// <summary>A unary call whose response is awaited and dropped.</summary>
    public static MatrixCall Call<TResponse>(Func<CallInvoker, AsyncUnaryCall<TResponse>> call) =>
        async caller => await call(caller);

    /// <summary>The same read for every caller, of something the world's administrator made once.</summary>
    public static RpcCase Read(
        ServiceDescriptor service, string method, IReadOnlySet<string> allowed, Func<AccessWorld, Task<MatrixCall>> prepare) =>
        new(MethodName(service, method), allowed, async (world, callers) =>
        {
            var call = await prepare(world);
            return [.. callers.Select(_ => call)];
        });

    public static RpcCase Read(
        ServiceDescriptor service, string method, IReadOnlySet<string> allowed, Func<AccessWorld, MatrixCall> prepare) =>
        Read(service, method, allowed, world => Task.FromResult(prepare(world)));

    /// <summary>A change for each caller on something fresh, made one after the other.</summary>
    public static RpcCase Change(
        ServiceDescriptor service, string method, IReadOnlySet<string> allowed, Func<AccessWorld, MatrixCaller, Task<MatrixCall>> prepare) =>
        new(MethodName(service, method), allowed, async (world, callers) =>
        {
            var calls = new List<MatrixCall>();
            foreach (var caller in callers)
            {
                calls.Add(await prepare(world, caller));
            }

            return calls;
        });

    public static RpcCase Change(
        ServiceDescriptor service, string method, IReadOnlySet<string> allowed, Func<AccessWorld, MatrixCall> prepare) =>
        Change(service, method, allowed, (world, _) => Task.FromResult(prepare(world)));

    /// <summary>
    /// A change for each caller on a loan of its own, all disbursed together <paramref name="daysAgo"/>
    /// days before the call, so the county's date moves once for all of them.
    /// </summary>
    public static RpcCase OnDisbursedLoans(
        ServiceDescriptor service, string method, IReadOnlySet<string> allowed, int daysAgo, Func<AccessWorld, string, Task<MatrixCall>> prepare) =>
        new(MethodName(service, method), allowed, async (world, callers) =>
        {
            var calls = new List<MatrixCall>();
            foreach (var loanId in await world.DisbursedLoansAsync(callers.Count, daysAgo))
            {
                calls.Add(await prepare(world, loanId));
            }

            return calls;
        });

    /// <summary>A change for each caller on a claim of its own, all brought to <paramref name="step"/> together.</summary>
    public static RpcCase OnClaims(
        ServiceDescriptor service, string method, IReadOnlySet<string> allowed, ClaimStep step, Func<AccessWorld, string, MatrixCall> call) =>
        new(MethodName(service, method), allowed, async (world, callers) =>
            [.. (await world.ClaimsAsync(callers.Count, step)).Select(loanId => call(world, loanId))]);
}
