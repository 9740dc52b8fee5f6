using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

/// <summary>
/// Monthly subsidy statements (贴息) and the quarterly report through the real gRPC stack, on the
/// fund id of a fresh county: no loans, so every prepared statement is empty.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SubsidyApiTests(ApiFixture fixture)
{
    private SubsidyService.SubsidyServiceClient Subsidies => new(fixture.Channel);

    private static string NewFundId() => $"{Keys.NewCounty()}-{LendingSetup.BankCode}";

    private static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly LastMonth() => LendingSetup.BusinessToday().AddMonths(-1);

    private static PrepareSubsidyStatementRequest Prepare(string fundId, string month) => new()
    {
        RequestId = Keys.NewRequestId(),
        FundId = fundId,
        Month = month,
    };

    private static ApproveSubsidyStatementRequest Approve(string fundId, string month) => new()
    {
        RequestId = Keys.NewRequestId(),
        FundId = fundId,
        Month = month,
    };

    [Fact]
    public async Task AMonthNeverPreparedHasNoStatementLines()
    {
        var request = new GetSubsidyStatementRequest { FundId = NewFundId(), Month = MonthOf(LastMonth()) };

        var statement = (await Subsidies.GetSubsidyStatementAsync(request)).Statement;

        Assert.Equal((request.FundId, request.Month, SubsidyStatementStatus.None, 0L), (statement.FundId, statement.Month, statement.Status, statement.TotalSubsidyFen));
        Assert.Empty(statement.Lines);
    }

    [Fact]
    public async Task PreparingIsRefusedWhileTheMonthIsNotOver()
    {
        var request = Prepare(NewFundId(), MonthOf(LendingSetup.BusinessToday()));

        var error = await Assert.ThrowsAsync<RpcException>(() => Subsidies.PrepareSubsidyStatementAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "MONTH_NOT_OVER"), (error.StatusCode, error.Reason()));
    }

    [Fact]
    public async Task ApprovingIsRefusedBeforeTheStatementIsPrepared()
    {
        var request = Approve(NewFundId(), MonthOf(LastMonth()));

        var error = await Assert.ThrowsAsync<RpcException>(() => Subsidies.ApproveSubsidyStatementAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "STATEMENT_NOT_PREPARED"), (error.StatusCode, error.Reason()));
    }

    [Fact]
    public async Task AMalformedFundIdAndMonthAreBothInvalidArguments()
    {
        var request = Prepare("530124-rcc", "2026-4");

        var error = await Assert.ThrowsAsync<RpcException>(() => Subsidies.PrepareSubsidyStatementAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["fund_id", "month"], error.ViolatedFields());
    }

    [Fact]
    public async Task PreparingLastMonthOfACountyWithoutLoansGivesAnEmptyPreparedStatement()
    {
        var request = Prepare(NewFundId(), MonthOf(LastMonth()));

        var statement = (await Subsidies.PrepareSubsidyStatementAsync(request)).Statement;

        Assert.Equal((SubsidyStatementStatus.Prepared, 0L, LendingSetup.Actor), (statement.Status, statement.TotalSubsidyFen, statement.PreparedBy));
        Assert.Empty(statement.Lines);
    }

    [Fact]
    public async Task ApprovingAPreparedStatementMakesItApproved()
    {
        var (fundId, month) = (NewFundId(), MonthOf(LastMonth()));
        await Subsidies.PrepareSubsidyStatementAsync(Prepare(fundId, month));

        var statement = (await Subsidies.ApproveSubsidyStatementAsync(Approve(fundId, month))).Statement;

        Assert.Equal((SubsidyStatementStatus.Approved, LendingSetup.Actor), (statement.Status, statement.ApprovedBy));
        Assert.NotNull(statement.ApproveTime);
    }

    [Fact]
    public async Task PreparingAgainIsRefusedOnceTheStatementIsApproved()
    {
        var (fundId, month) = (NewFundId(), MonthOf(LastMonth()));
        await Subsidies.PrepareSubsidyStatementAsync(Prepare(fundId, month));
        await Subsidies.ApproveSubsidyStatementAsync(Approve(fundId, month));

        var error = await Assert.ThrowsAsync<RpcException>(() => Subsidies.PrepareSubsidyStatementAsync(Prepare(fundId, month)).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "STATEMENT_APPROVED"), (error.StatusCode, error.Reason()));
    }

    [Fact]
    public async Task TheQuarterlyReportCountsTheApprovedMonths()
    {
        var (fundId, lastMonth) = (NewFundId(), LastMonth());
        await Subsidies.PrepareSubsidyStatementAsync(Prepare(fundId, MonthOf(lastMonth)));
        await Subsidies.ApproveSubsidyStatementAsync(Approve(fundId, MonthOf(lastMonth)));
        var request = new GetQuarterlySubsidyReportRequest { FundId = fundId, Year = lastMonth.Year, Quarter = (lastMonth.Month + 2) / 3 };

        var report = (await Subsidies.GetQuarterlySubsidyReportAsync(request)).Report;

        Assert.Equal((1, 0L, 0L, 0L), (report.ApprovedMonths, report.TotalInterestAccruedFen, report.TotalSubsidisableInterestFen, report.TotalSubsidyFen));
        Assert.Equal(
            Enumerable.Range(request.Quarter * 3 - 2, 3).Select(month => MonthOf(new DateOnly(request.Year, month, 1))),
            report.Statements.Select(statement => statement.Month));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task AQuarterOutsideOneToFourIsAnInvalidArgument(int quarter)
    {
        var request = new GetQuarterlySubsidyReportRequest { FundId = NewFundId(), Year = 2026, Quarter = quarter };

        var error = await Assert.ThrowsAsync<RpcException>(() => Subsidies.GetQuarterlySubsidyReportAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["quarter"], error.ViolatedFields());
    }
}
