using Grpc.Core;

namespace Microfinance.Api.Tests.Access;

/// <summary>A call, made ready by the world's administrator, that one caller then makes with its own token.</summary>
public delegate Task MatrixCall(CallInvoker caller);

/// <summary>One row of the access matrix.</summary>
/// <param name="Method">The RPC's full name (<c>/microfinance.v1.LoanService/ApproveLoan</c>).</param>
/// <param name="Allowed">The callers (<see cref="MatrixCallers"/>) that may make it; every other is refused.</param>
/// <param name="Prepare">Makes a fresh, valid call for each caller, in order.</param>
public sealed record RpcCase(
    string Method,
    IReadOnlySet<string> Allowed,
    Func<AccessWorld, IReadOnlyList<MatrixCaller>, Task<IReadOnlyList<MatrixCall>>> Prepare);
