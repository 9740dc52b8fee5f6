using Microfinance.Api.V1;

namespace Microfinance.Api.Tests.Access;

/// <summary>One caller of the access matrix.</summary>
/// <param name="Name">How the matrix names it (<see cref="MatrixCallers"/>).</param>
/// <param name="Token">Its bearer token; null for a call without one.</param>
/// <param name="Party">The party it reviews or rejects a loan as, if any.</param>
public sealed record MatrixCaller(string Name, string? Token, LoanParty Party = LoanParty.Village);
