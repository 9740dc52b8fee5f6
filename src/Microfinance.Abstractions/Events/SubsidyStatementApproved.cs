using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>The county approved a bank's monthly interest-subsidy statement: it is final (即审即批).</summary>
/// <param name="FundId">The fund account of the county and bank, e.g. <c>530124-RCC</c>.</param>
/// <param name="Year">The statement's year.</param>
/// <param name="Month">The statement's month, 1–12.</param>
/// <param name="TotalSubsidy">What the county pays the bank for the month.</param>
/// <param name="ApprovedBy">Who approved it.</param>
[GenerateSerializer, Immutable, Alias("mf.SubsidyStatementApproved")]
public sealed record SubsidyStatementApproved(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string FundId,
    [property: Id(1)] int Year,
    [property: Id(2)] int Month,
    [property: Id(3)] Money TotalSubsidy,
    [property: Id(4)] string ApprovedBy) : CountyEvent(County, OccurredAt);
