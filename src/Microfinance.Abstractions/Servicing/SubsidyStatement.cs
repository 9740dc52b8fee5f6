using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Servicing;

/// <summary>A bank's interest-subsidy statement for one month in one county (一月一结算).</summary>
[GenerateSerializer, Immutable, Alias("mf.SubsidyStatement")]
public sealed record SubsidyStatement(
    [property: Id(0)] string FundId,
    [property: Id(1)] int Year,
    [property: Id(2)] int Month,
    [property: Id(3)] SubsidyStatementStatus Status,
    [property: Id(4)] IReadOnlyList<SubsidyLine> Lines,
    [property: Id(5)] string PreparedBy,
    [property: Id(6)] string? ApprovedBy,
    [property: Id(7)] DateTimeOffset? ApprovedAt)
{
    /// <summary>What the county pays the bank for the month.</summary>
    public Money TotalSubsidy => new(Lines.Sum(line => line.Subsidy.Fen));
}
