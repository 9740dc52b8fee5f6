using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>A bank's monthly interest-subsidy statement was prepared, or prepared again, from its loans.</summary>
/// <param name="FundId">The fund account of the county and bank, e.g. <c>530124-RCC</c>.</param>
/// <param name="Year">The statement's year.</param>
/// <param name="Month">The statement's month, 1–12.</param>
/// <param name="Loans">How many loans have a line on it.</param>
/// <param name="TotalSubsidy">What the county would pay the bank for the month.</param>
/// <param name="PreparedBy">Who prepared it.</param>
[GenerateSerializer, Immutable, Alias("mf.SubsidyStatementPrepared")]
public sealed record SubsidyStatementPrepared(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string FundId,
    [property: Id(1)] int Year,
    [property: Id(2)] int Month,
    [property: Id(3)] int Loans,
    [property: Id(4)] Money TotalSubsidy,
    [property: Id(5)] string PreparedBy) : CountyEvent(County, OccurredAt);
