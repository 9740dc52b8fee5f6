using Microfinance.Domain.Compensation;

namespace Microfinance.Abstractions.Compensation;

/// <summary>An objection to a claim's public notice (公示异议), and how the county resolved it.</summary>
/// <param name="Number">1 for the claim's first objection, then 2, 3…</param>
/// <param name="Objector">Who objects, e.g. a villager or the village committee.</param>
/// <param name="Content">What they object to.</param>
/// <param name="RaisedOn">The business date it was raised, within the notice period.</param>
/// <param name="Resolution">The county's reasons; null while open.</param>
/// <param name="ResolvedBy">Who resolved it; null while open.</param>
/// <param name="ResolvedAt">When; null while open.</param>
/// <param name="RequestId">The request that raised it.</param>
[GenerateSerializer, Immutable, Alias("mf.ClaimObjection")]
public sealed record ClaimObjection(
    [property: Id(0)] int Number,
    [property: Id(1)] string Objector,
    [property: Id(2)] string Content,
    [property: Id(3)] DateOnly RaisedOn,
    [property: Id(4)] ObjectionStatus Status,
    [property: Id(5)] string? Resolution,
    [property: Id(6)] string? ResolvedBy,
    [property: Id(7)] DateTimeOffset? ResolvedAt,
    [property: Id(8)] string RequestId);
