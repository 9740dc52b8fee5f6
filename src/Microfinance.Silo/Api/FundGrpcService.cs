using System.Globalization;
using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the risk-compensation fund account grains.</summary>
public sealed class FundGrpcService(IGrainFactory grains) : FundService.FundServiceBase
{
    private const int MaxBankNameLength = 100;
    private const int MaxMemoLength = 200;

    public override async Task<OpenFundAccountResponse> OpenFundAccount(OpenFundAccountRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var bankCode = check.BankCode("bank_code", request.BankCode);
        var bankName = check.Text("bank_name", request.BankName, MaxBankNameLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var position = await grains.Get<IFundAccountGrain>(FundAccountId.For(county, bankCode))
            .OpenAsync(county, bankCode, bankName, actor, requestId);
        return new OpenFundAccountResponse { FundPosition = FundMapper.ToProto(position) };
    }

    public override async Task<RecordFundEntryResponse> RecordFundEntry(RecordFundEntryRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var fundId = check.FundId("fund_id", request.FundId);
        var kind = check.Enum("kind", ProtoEnums.ToDomain(request.Kind));
        if (kind is Domain.Funds.FundEntryKind.CompensationPayout or Domain.Funds.FundEntryKind.Recovery)
        {
            check.Add("kind", "must be a deposit or an interest credit; payouts and recoveries are recorded by CompensationService");
        }

        var amount = check.PositiveAmount("amount_fen", request.AmountFen);
        var memo = check.OptionalText("memo", request.Memo, MaxMemoLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var position = await grains.Get<IFundAccountGrain>(fundId).RecordAsync(kind, amount, memo, actor, requestId);
        return new RecordFundEntryResponse { FundPosition = FundMapper.ToProto(position) };
    }

    public override async Task<GetFundPositionResponse> GetFundPosition(GetFundPositionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var fundId = check.FundId("fund_id", request.FundId);
        check.ThrowIfInvalid();

        var position = await grains.Get<IFundAccountGrain>(fundId).GetPositionAsync();
        return new GetFundPositionResponse { FundPosition = FundMapper.ToProto(position) };
    }

    public override async Task<ListFundLedgerEntriesResponse> ListFundLedgerEntries(
        ListFundLedgerEntriesRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var fundId = check.FundId("fund_id", request.FundId);
        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 100, maxSize: 1000);
        var afterSequence = check.SequencePageToken("page_token", request.PageToken) ?? 0;
        check.ThrowIfInvalid();

        var ledger = await grains.Get<IFundAccountGrain>(fundId).GetLedgerAsync();
        var remaining = ledger.Where(entry => entry.Sequence > afterSequence).ToList();
        var page = remaining.Take(pageSize).ToList();
        return new ListFundLedgerEntriesResponse
        {
            Entries = { page.Select(FundMapper.ToProto) },
            NextPageToken = remaining.Count > pageSize ? PageToken.Encode(page[^1].Sequence.ToString(CultureInfo.InvariantCulture)) : "",
        };
    }
}
