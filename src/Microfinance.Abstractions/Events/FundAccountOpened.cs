using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>A county opened its risk-compensation fund account (风险补偿金专户) at a cooperating bank.</summary>
/// <param name="FundId">County code (6 digits) and bank code, e.g. <c>530124-RCC</c>.</param>
/// <param name="BankCode">The bank.</param>
/// <param name="BankName">The bank's name.</param>
[GenerateSerializer, Immutable, Alias("mf.FundAccountOpened")]
public sealed record FundAccountOpened(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string FundId,
    [property: Id(1)] string BankCode,
    [property: Id(2)] string BankName) : CountyEvent(County, OccurredAt);
