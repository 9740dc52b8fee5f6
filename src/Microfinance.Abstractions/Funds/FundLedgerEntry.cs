using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;

namespace Microfinance.Abstractions.Funds;

/// <summary>One movement of money on a fund's ledger; the balance is the sum of them.</summary>
[GenerateSerializer, Immutable, Alias("mf.FundLedgerEntry")]
public sealed record FundLedgerEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] FundEntryKind Kind,
    [property: Id(2)] Money Amount,
    [property: Id(3)] string Memo,
    [property: Id(4)] string Actor,
    [property: Id(5)] DateTimeOffset RecordedAt,
    [property: Id(6)] string RequestId);
