using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Servicing;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps monthly subsidy statements (贴息) and the quarterly report built from them to the proto contract.</summary>
public static class SubsidyMapper
{
    /// <summary>The key of a month's statement grain: <c>{fund id}:{yyyy-MM}</c>.</summary>
    public static string StatementKey(string fundId, int year, int month) => $"{fundId}:{FormatMonth(year, month)}";

    /// <summary>A month as it is written on the wire: <c>YYYY-MM</c>.</summary>
    public static string FormatMonth(int year, int month) =>
        new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static Proto.SubsidyStatement ToProto(SubsidyStatement statement)
    {
        var proto = new Proto.SubsidyStatement
        {
            FundId = statement.FundId,
            Month = FormatMonth(statement.Year, statement.Month),
            Status = ProtoEnums.ToProto(statement.Status),
            TotalSubsidyFen = statement.TotalSubsidy.Fen,
            PreparedBy = statement.PreparedBy,
            ApprovedBy = statement.ApprovedBy ?? "",
            ApproveTime = statement.ApprovedAt is { } approvedAt ? Timestamp.FromDateTimeOffset(approvedAt) : null,
        };
        proto.Lines.Add(statement.Lines
            .OrderBy(line => line.LoanId, StringComparer.Ordinal)
            .Select(line => new Proto.SubsidyLine
            {
                LoanId = line.LoanId,
                Borrower = line.Borrower,
                InterestAccruedFen = line.InterestAccrued.Fen,
                SubsidisableInterestFen = line.SubsidisableInterest.Fen,
                SubsidyFen = line.Subsidy.Fen,
            }));
        return proto;
    }

    /// <summary>The quarterly report (贴息情况季度报表): the quarter's statements in month order and their totals.</summary>
    public static Proto.QuarterlySubsidyReport ToQuarterlyReport(string fundId, int year, int quarter, IReadOnlyList<SubsidyStatement> statements)
    {
        var lines = statements.SelectMany(statement => statement.Lines).ToList();
        var report = new Proto.QuarterlySubsidyReport
        {
            FundId = fundId,
            Year = year,
            Quarter = quarter,
            TotalInterestAccruedFen = lines.Sum(line => line.InterestAccrued.Fen),
            TotalSubsidisableInterestFen = lines.Sum(line => line.SubsidisableInterest.Fen),
            TotalSubsidyFen = lines.Sum(line => line.Subsidy.Fen),
            ApprovedMonths = statements.Count(statement => statement.Status == SubsidyStatementStatus.Approved),
        };
        report.Statements.Add(statements.OrderBy(statement => statement.Month).Select(ToProto));
        return report;
    }
}
