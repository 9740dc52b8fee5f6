using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>
/// The practice clock of a training or integration environment (the embedded profile's default):
/// an operator moves a county's or a province's business date forward, the days passed are closed,
/// and a bank's integrators walk a claim through its notice in minutes. Each test moves only
/// regions of its own, so the shared host's other tests keep the calendar date.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PracticeClockApiTests(ApiFixture fixture)
{
    private const long PrincipalFen = 4_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;

    private ClockService.ClockServiceClient OperatorClock =>
        new(fixture.ChannelWith(fixture.Tokens.Issue("ops-oncall", Role.Operator, [])));

    private ClockService.ClockServiceClient ReaderClock => new(fixture.Channel);

    private static DateOnly Today => LendingSetup.BusinessToday();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<AdvancePracticeDateResponse> AdvanceAsync(string region, int days, string? requestId = null) =>
        OperatorClock.AdvancePracticeDateAsync(new AdvancePracticeDateRequest
        {
            RequestId = requestId ?? Keys.NewRequestId(), RegionCode = region, Days = days,
        }).ResponseAsync;

    private Task<SetPracticeDateResponse> SetAsync(string region, DateOnly date) =>
        OperatorClock.SetPracticeDateAsync(new SetPracticeDateRequest
        {
            RequestId = Keys.NewRequestId(), RegionCode = region, Date = Iso(date),
        }).ResponseAsync;

    private async Task<DateOnly> DateOfAsync(string region) =>
        Date((await ReaderClock.GetBusinessDateAsync(new GetBusinessDateRequest { RegionCode = region })).BusinessDate.Date);

    [Fact]
    public async Task Advancing_a_county_moves_its_date_closes_the_days_passed_and_ages_its_loans()
    {
        var loan = await LendingSetup.NewDisbursedLoanAsync(fixture, PrincipalFen, QuotaFen, FundFen);
        var firstDue = Date((await new LoanService.LoanServiceClient(fixture.Channel)
            .GetLoanAsync(new GetLoanRequest { LoanId = loan.LoanId })).Loan.Schedule[0].DueDate);
        var days = firstDue.DayNumber - Today.DayNumber + 40;

        var moved = await AdvanceAsync(loan.County.County, days);

        Assert.Equal(Iso(Today.AddDays(days)), moved.BusinessDate.Date);
        Assert.Equal(days, moved.BusinessDate.DaysAhead);
        Assert.True(moved.BusinessDate.Practice);
        var closed = Assert.Single(moved.ClosedCounties);
        Assert.Equal(Iso(Today.AddDays(days - 1)), closed.LastClosedDate);
        Assert.Equal(Today.AddDays(days), await DateOfAsync(loan.County.Village));
        Assert.Equal(Today, await DateOfAsync("530124"));

        // 40 days past the first due date (counted from the day after it): the second overdue bucket.
        var books = (await new ServicingService.ServicingServiceClient(fixture.Channel)
            .GetCountyBooksAsync(new GetCountyBooksRequest { CountyCode = loan.County.County })).Books;
        Assert.Equal(closed.LastClosedDate, books.LastClosedDate);
        Assert.Equal(1, books.County.Buckets.Single(b => b.Bucket == OverdueBucket.Days31To60).Loans);
    }

    [Fact]
    public async Task A_claim_walks_from_filing_to_payout_on_the_practice_clock()
    {
        var loans = new LoanService.LoanServiceClient(fixture.Channel);
        var claims = new CompensationService.CompensationServiceClient(fixture.Channel);
        var loan = await LendingSetup.NewDisbursedLoanAsync(fixture, PrincipalFen, QuotaFen, FundFen);
        var firstDue = Date((await loans.GetLoanAsync(new GetLoanRequest { LoanId = loan.LoanId })).Loan.Schedule[0].DueDate);

        // 90 days past the missed due date (第十九条), when a claim may be filed.
        await SetAsync(loan.County.County, firstDue.AddDays(90));
        var filing = await ClaimSetup.FilingAsync(fixture.Channel, loan.LoanId, firstDue.AddDays(90));
        Assert.Equal(ClaimStatus.Filed, (await claims.FileClaimAsync(filing)).Claim.Status);
        await claims.PostClaimNoticeAsync(new PostClaimNoticeRequest { RequestId = Keys.NewRequestId(), LoanId = loan.LoanId });
        await claims.SignOffClaimAsync(ClaimSetup.SignOff(loan.LoanId));
        var verify = new VerifyClaimRequest { RequestId = Keys.NewRequestId(), LoanId = loan.LoanId, Note = "核实无误" };

        var early = await Assert.ThrowsAsync<RpcException>(() => claims.VerifyClaimAsync(verify).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Equal("NOTICE_PERIOD_NOT_OVER", early.Reason());

        await AdvanceAsync(loan.County.County, 7);
        Assert.Equal(ClaimStatus.Verified, (await claims.VerifyClaimAsync(verify)).Claim.Status);
        var paid = (await claims.ApproveClaimAsync(new ApproveClaimRequest
        {
            RequestId = Keys.NewRequestId(), LoanId = loan.LoanId, ApprovalDocument = "测试县金融扶贫领导小组〔2026〕1号",
        })).Claim;
        Assert.Equal(ClaimStatus.Compensated, paid.Status);
        Assert.Equal(Iso(firstDue.AddDays(97)), paid.CompensatedDate);
    }

    [Fact]
    public async Task A_province_brings_its_counties_behind_the_new_date_along_and_leaves_one_ahead_of_it()
    {
        var (province, ahead, behind) = await NewProvinceAsync();
        await AdvanceAsync(ahead, 30);

        var moved = await SetAsync(province, Today.AddDays(10));

        Assert.Equal(Iso(Today.AddDays(10)), moved.BusinessDate.Date);
        Assert.Equal([ahead, behind], moved.ClosedCounties.Select(c => c.CountyCode).Order());
        Assert.All(moved.ClosedCounties, county => Assert.Equal("", county.LastClosedDate));
        Assert.Equal(Today.AddDays(30), await DateOfAsync(ahead));
        Assert.Equal(Today.AddDays(10), await DateOfAsync(behind));
        Assert.Equal(Today.AddDays(10), await DateOfAsync(province));

        await AdvanceAsync(province, 5);
        Assert.Equal(Today.AddDays(35), await DateOfAsync(ahead));
        Assert.Equal(Today.AddDays(15), await DateOfAsync(behind));
    }

    [Fact]
    public async Task A_date_never_moves_back()
    {
        var (county, _) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        await AdvanceAsync(county, 5);

        var refused = await Assert.ThrowsAsync<RpcException>(() => SetAsync(county, Today.AddDays(2)));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("PRACTICE_DATE_BACKWARDS", refused.Reason());
        Assert.Equal(Today.AddDays(5), await DateOfAsync(county));
    }

    [Fact]
    public async Task A_retried_advance_moves_the_date_once()
    {
        var (county, _) = await RegionSetup.NewVillageAsync(new RegionService.RegionServiceClient(fixture.Channel));
        var requestId = Keys.NewRequestId();

        await AdvanceAsync(county, 3, requestId);
        var retried = await AdvanceAsync(county, 3, requestId);
        var reused = await Assert.ThrowsAsync<RpcException>(() => AdvanceAsync(county, 4, requestId));

        Assert.Equal(Iso(Today.AddDays(3)), retried.BusinessDate.Date);
        Assert.Equal(Today.AddDays(3), await DateOfAsync(county));
        Assert.Equal("REQUEST_ID_REUSED", reused.Reason());
    }

    [Theory]
    [InlineData("450000000000", 0, "days")]
    [InlineData("450000000000", 3661, "days")]
    [InlineData("530124101", 1, "region_code")]
    [InlineData("", 1, "region_code")]
    public async Task A_malformed_move_names_its_field(string region, int days, string field)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => AdvanceAsync(region, days));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal([field], refused.ViolatedFields());
    }

    [Fact]
    public async Task An_unregistered_county_is_not_found()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => AdvanceAsync(Keys.NewCounty() + "000000", 1));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    /// <summary>A province of this test's own (宁夏, 64) with two counties: moving it moves no one else's.</summary>
    private async Task<(string Province, string First, string Second)> NewProvinceAsync()
    {
        var regions = new RegionService.RegionServiceClient(
            fixture.ChannelWith(fixture.Tokens.Issue(LendingSetup.Actor, Role.ProvinceAdministrator, ["64"])));
        foreach (var (code, name) in new[] { ("64", "宁夏回族自治区"), ("640104", "兴庆区"), ("640105", "西夏区") })
        {
            await regions.CreateRegionAsync(new CreateRegionRequest { RequestId = Keys.NewRequestId(), Region = new Region { Code = code, Name = name } });
        }

        return ("640000000000", "640104000000", "640105000000");
    }
}
