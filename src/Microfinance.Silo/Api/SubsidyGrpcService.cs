using System.Globalization;
using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Servicing;
using Microfinance.Api.V1;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the monthly subsidy statement grains (贴息, 一月一结算) and the quarterly report read from them.</summary>
public sealed class SubsidyGrpcService(IGrainFactory grains) : SubsidyService.SubsidyServiceBase
{
    private const int MinYear = 2000;
    private const int MaxYear = 9999;

    public override async Task<PrepareSubsidyStatementResponse> PrepareSubsidyStatement(PrepareSubsidyStatementRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var fundId = check.FundId("fund_id", request.FundId);
        var (year, month) = Month(check, "month", request.Month);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var statement = await Statement(fundId, year, month).PrepareAsync(actor, requestId);
        return new PrepareSubsidyStatementResponse { Statement = SubsidyMapper.ToProto(statement) };
    }

    public override async Task<ApproveSubsidyStatementResponse> ApproveSubsidyStatement(ApproveSubsidyStatementRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var fundId = check.FundId("fund_id", request.FundId);
        var (year, month) = Month(check, "month", request.Month);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var statement = await Statement(fundId, year, month).ApproveAsync(actor, requestId);
        return new ApproveSubsidyStatementResponse { Statement = SubsidyMapper.ToProto(statement) };
    }

    public override async Task<GetSubsidyStatementResponse> GetSubsidyStatement(GetSubsidyStatementRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var fundId = check.FundId("fund_id", request.FundId);
        var (year, month) = Month(check, "month", request.Month);
        check.ThrowIfInvalid();

        var statement = await Statement(fundId, year, month).GetAsync();
        return new GetSubsidyStatementResponse { Statement = SubsidyMapper.ToProto(statement) };
    }

    public override async Task<GetQuarterlySubsidyReportResponse> GetQuarterlySubsidyReport(GetQuarterlySubsidyReportRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var fundId = check.FundId("fund_id", request.FundId);
        var year = check.Range("year", request.Year, MinYear, MaxYear);
        var quarter = check.Range("quarter", request.Quarter, 1, 4);
        check.ThrowIfInvalid();

        // The report is a read over the quarter's three monthly statements; nothing is stored for it.
        var firstMonth = (quarter - 1) * 3 + 1;
        var statements = await Task.WhenAll(
            Enumerable.Range(firstMonth, 3).Select(month => Statement(fundId, year, month).GetAsync()));
        return new GetQuarterlySubsidyReportResponse { Report = SubsidyMapper.ToQuarterlyReport(fundId, year, quarter, statements) };
    }

    private ISubsidyStatementGrain Statement(string fundId, int year, int month) =>
        grains.Get<ISubsidyStatementGrain>(SubsidyMapper.StatementKey(fundId, year, month));

    /// <summary>A required month in the form <c>YYYY-MM</c>.</summary>
    private static (int Year, int Month) Month(RequestValidator check, string field, string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            check.Add(field, "is required");
            return default;
        }

        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year < MinYear)
        {
            check.Add(field, "must be a month in the form YYYY-MM");
            return default;
        }

        return (first.Year, first.Month);
    }
}
