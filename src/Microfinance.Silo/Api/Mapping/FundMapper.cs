using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Funds;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps fund accounts and their ledgers to the proto contract.</summary>
public static class FundMapper
{
    private const long FullLeverageBasisPoints = 10_000;

    public static Proto.FundPosition ToProto(FundPosition position)
    {
        var limitFen = checked(position.LeverageMultiple * Math.Max(position.Balance.Fen, 0));
        var committedFen = position.Outstanding.Fen + position.Reserved.Fen;
        return new Proto.FundPosition
        {
            FundId = position.FundId,
            CountyCode = position.County.Value,
            BankCode = position.BankCode,
            BankName = position.BankName,
            BalanceFen = position.Balance.Fen,
            OutstandingFen = position.Outstanding.Fen,
            ReservedFen = position.Reserved.Fen,
            LeverageMultiple = position.LeverageMultiple,
            HeadroomFen = position.Headroom.Fen,
            LeverageUsedBp = limitFen > 0 ? (long)((Int128)committedFen * FullLeverageBasisPoints / limitFen) : 0,
            LedgerEntryCount = position.LedgerEntries,
        };
    }

    public static Proto.FundLedgerEntry ToProto(FundLedgerEntry entry) => new()
    {
        Sequence = entry.Sequence,
        Kind = ProtoEnums.ToProto(entry.Kind),
        AmountFen = entry.Amount.Fen,
        Memo = entry.Memo,
        Actor = entry.Actor,
        CreateTime = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        RequestId = entry.RequestId,
    };
}
