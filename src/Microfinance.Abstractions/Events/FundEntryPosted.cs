using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>Money moved on a fund's ledger: a deposit or an interest credit.</summary>
/// <param name="FundId">County code (6 digits) and bank code, e.g. <c>530124-RCC</c>.</param>
/// <param name="Sequence">The entry's number on the ledger, from 1: a dashboard keeps the highest it saw.</param>
/// <param name="Kind">What kind of movement.</param>
/// <param name="Amount">The amount posted.</param>
/// <param name="BalanceAfter">The fund's balance with this entry.</param>
/// <param name="Memo">The memo recorded with the entry.</param>
[GenerateSerializer, Immutable, Alias("mf.FundEntryPosted")]
public sealed record FundEntryPosted(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string FundId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] FundEntryKind Kind,
    [property: Id(3)] Money Amount,
    [property: Id(4)] Money BalanceAfter,
    [property: Id(5)] string Memo) : CountyEvent(County, OccurredAt);
