
namespace Microfinance.Domain.Compensation;

/// <summary>An objection to a claim's public notice (公示异议), and how the county resolved it.</summary>
/// <param name="Number">1 for the claim's first objection, then 2, 3…</param>
/// <param name="Objector">Who objects, e.g. a villager or the village committee.</param>
/// <param name="Content">What they object to.</param>
/// <param name="RaisedOn">The business date it was raised, within the notice period.</param>
/// <param name="Resolution">The county's reasons; null while open.</param>
/// <param name="ResolvedBy">Who resolved it; null while open.</param>
/// <param name="ResolvedAt">When; null while open.</param>
/// <param name="RequestId">The request that raised it.</param>
public sealed record ClaimObjection(
    int Number,
    string Objector,
    string Content,
    DateOnly RaisedOn,
    ObjectionStatus Status,
    string? Resolution,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string RequestId);
