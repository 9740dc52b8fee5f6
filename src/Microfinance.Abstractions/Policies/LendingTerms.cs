using Microfinance.Domain.Policies;

namespace Microfinance.Abstractions.Policies;

/// <summary>What a loan decision in a county needs to know on a given date.</summary>
/// <param name="Policy">The policy version in force on that date.</param>
/// <param name="LendingStopped">Whether new approvals in the county are stopped.</param>
/// <param name="StopReason">Why, when stopped.</param>
[GenerateSerializer, Immutable, Alias("mf.LendingTerms")]
public sealed record LendingTerms(
    [property: Id(0)] CountyPolicy Policy,
    [property: Id(1)] bool LendingStopped,
    [property: Id(2)] string? StopReason);
