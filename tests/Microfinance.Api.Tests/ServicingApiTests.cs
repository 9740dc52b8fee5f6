using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

/// <summary>
/// A county's books and day-close (日终) through the real gRPC stack. Each loan of ¥30,000 is
/// disbursed today in a fresh county, so the county's books open with yesterday as closed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ServicingApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;

    private ServicingService.ServicingServiceClient Servicing => new(fixture.Channel);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<LendingSetup.DisbursedLoan> LoanDisbursedTodayAsync() =>
        LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, QuotaFen, FundFen);

    private static CloseBusinessDaysRequest Close(string countyCode, string throughDate = "") => new()
    {
        RequestId = Keys.NewRequestId(),
        CountyCode = countyCode,
        ThroughDate = throughDate,
    };

    /// <summary>The tally of <paramref name="loans"/> current loans holding <paramref name="principalFen"/> between them.</summary>
    private static Tally CurrentTally(string scopeCode, int loans, long principalFen) => new()
    {
        ScopeCode = scopeCode,
        Buckets =
        {
            new BucketTally { Bucket = OverdueBucket.Current, Loans = loans, PrincipalFen = principalFen },
            new BucketTally { Bucket = OverdueBucket.Days1To30 },
            new BucketTally { Bucket = OverdueBucket.Days31To60 },
            new BucketTally { Bucket = OverdueBucket.Days61To90 },
            new BucketTally { Bucket = OverdueBucket.Over90 },
        },
        OutstandingFen = principalFen,
    };

    [Fact]
    public async Task ADisbursedLoanCountsAsCurrentInTheCountyItsTownshipItsVillageAndItsBank()
    {
        var county = (await LoanDisbursedTodayAsync()).County;

        var books = (await Servicing.GetCountyBooksAsync(new GetCountyBooksRequest { CountyCode = county.County })).Books;

        Assert.Equal(county.County, books.CountyCode);
        Assert.Equal(CurrentTally(county.County, 1, LoanFen), books.County);
        Assert.Equal([CurrentTally(county.Township, 1, LoanFen)], books.Townships);
        Assert.Equal([CurrentTally(county.Village, 1, LoanFen)], books.Villages);
        Assert.Equal([CurrentTally(LendingSetup.BankCode, 1, LoanFen)], books.Banks);
    }

    [Fact]
    public async Task ALoanRepaidAtMaturityStandsInItsMaturityMonthOfTheWallAgainstTheFund()
    {
        var loan = await LoanDisbursedTodayAsync();

        var wall = (await Servicing.GetMaturityWallAsync(new GetMaturityWallRequest { CountyCode = loan.County.County })).MaturityWall;

        // 24 months, principal at maturity (对年对月对日): the 25th month counted, the current one first.
        var maturity = loan.DisbursedOn.AddMonths(24);
        var bank = Assert.Single(wall.Banks);
        Assert.Equal(Iso(loan.Today)[..7], wall.FirstMonth);
        Assert.Equal((LendingSetup.BankCode, FundFen), (bank.BankCode, bank.FundBalanceFen));
        Assert.Equal(36, bank.Months.Count);
        var month = bank.Months[24];
        Assert.Equal((Iso(maturity)[..7], LoanFen, 1), (month.Month, month.PrincipalDueFen, month.LoansDue));
        Assert.Equal(FundFen * 10_000 / LoanFen, month.FundCoverBp);
        Assert.Equal(LoanFen, bank.Months.Sum(m => m.PrincipalDueFen));
        Assert.Equal((0L, 0L, month.Month), (bank.OverduePrincipalFen, bank.LaterPrincipalFen, bank.PeakMonth));
        Assert.Equal(bank.Months, wall.County.Months);
        Assert.Equal("", wall.County.BankCode);
    }

    [Fact]
    public async Task AMaturityWallOfMoreThanFiveYearsIsAnInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            () => Servicing.GetMaturityWallAsync(new GetMaturityWallRequest { CountyCode = "530124000000", Months = 61 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("months", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountyFiguresCountRepaymentApprovalAndBorrowingAsTheProvincesPublishThem()
    {
        // One loan repaid by equal quarterly instalments, 100 days out: its first instalment fell due and is paid.
        var loan = await LendingSetup.NewDisbursedLoanAsync(
            fixture, LoanFen, QuotaFen, FundFen, daysOutstanding: 100, principalRepayment: PrincipalRepayment.EqualInstalments);
        var loans = new LoanService.LoanServiceClient(fixture.Channel);
        var balance = (await loans.GetLoanAsync(new GetLoanRequest { LoanId = loan.LoanId })).Loan.Balance;
        await loans.RecordRepaymentAsync(new RecordRepaymentRequest
        {
            RequestId = Keys.NewRequestId(), LoanId = loan.LoanId, PaidDate = Iso(loan.Today), AmountFen = balance.InterestDueTodayFen + LoanFen / 8,
        });
        var village = loan.County.Village;
        var applicant = await LendingSetup.RegisterHouseholdAsync(fixture.Channel, village, HouseholdCategory.RegisteredPoor);
        await LendingSetup.RegisterHouseholdAsync(fixture.Channel, village, HouseholdCategory.RegisteredPoor);
        await LendingSetup.RegisterHouseholdAsync(fixture.Channel, village, HouseholdCategory.FiveGuarantee);
        await loans.ApplyForLoanAsync(new ApplyForLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = $"LN-{Guid.NewGuid():N}",
            Application = new LoanApplication
            {
                RegistryNumber = applicant, BankCode = LendingSetup.BankCode, AmountFen = 1_000_000, TermMonths = 12, Purpose = "种植魔芋", Industry = "种植业",
            },
        });

        var figures = (await Servicing.GetCountyFiguresAsync(new GetCountyFiguresRequest
        {
            CountyCode = loan.County.County, FromDate = Iso(loan.DisbursedOn),
        })).Figures;

        var county = figures.County;
        Assert.Equal((Iso(loan.DisbursedOn), Iso(loan.Today)), (figures.FromDate, figures.ThroughDate));
        Assert.Equal((LoanFen / 8, LoanFen / 8, 10_000), (county.PrincipalDueFen, county.PrincipalRepaidFen, county.RepaymentRateBp));
        Assert.Equal((2, 1, 5000), (county.HouseholdsApplying, county.HouseholdsGranted, county.ApprovalRateBp));
        Assert.Equal((1, 3, 3333), (county.HouseholdsBorrowing, county.EligibleHouseholds, county.BorrowingRateBp));
        Assert.Equal((LoanFen * 7 / 8, LoanFen * 7 / 8, 0L, 0L), (county.BalanceFen, county.NormalFen, county.OverdueFen, county.NonPerformingFen));
        Assert.Equal([0, 0, 0, 0, 4, 0], county.Ratings.HouseholdsByStars); // every test household is rated four stars
        Assert.Equal((0, 10_000, false), (county.Ratings.FiveStarBp, county.Ratings.ThreeStarOrBetterBp, county.Ratings.MeetsTargets));
        var villageFigures = Assert.Single(figures.Villages);
        Assert.Equal(village, villageFigures.ScopeCode);
        var sameAsCounty = county.Clone();
        sameAsCounty.ScopeCode = village;
        Assert.Equal(sameAsCounty, villageFigures);
        var bank = Assert.Single(figures.Banks);
        Assert.Equal((LendingSetup.BankCode, 2, 0, 0), (bank.ScopeCode, bank.HouseholdsApplying, bank.EligibleHouseholds, bank.BorrowingRateBp));
        Assert.Null(bank.Ratings);
    }

    [Fact]
    public async Task CountyFiguresForAPeriodEndingAfterTodayAreAnInvalidArgument()
    {
        var county = await LendingSetup.NewCountyWithPolicyAsync(fixture.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => Servicing.GetCountyFiguresAsync(new GetCountyFiguresRequest
        {
            CountyCode = county.County, ThroughDate = Iso(LendingSetup.BusinessToday().AddDays(1)),
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("through_date", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBooksOfACountyWithoutLoansAreEmpty()
    {
        var county = Keys.NewCounty() + "000000";

        var books = (await Servicing.GetCountyBooksAsync(new GetCountyBooksRequest { CountyCode = county[..6] })).Books;

        Assert.Equal((county, "", 0), (books.CountyCode, books.LastClosedDate, books.LoansVisited));
        Assert.Equal(CurrentTally(county, 0, 0), books.County);
        Assert.Empty(books.Townships.Concat(books.Villages).Concat(books.Banks));
    }

    [Fact]
    public async Task ClosingWithoutADateClosesThroughYesterday()
    {
        var county = (await LoanDisbursedTodayAsync()).County;

        var books = (await Servicing.CloseBusinessDaysAsync(Close(county.County))).Books;

        // The disbursement opened the books with yesterday closed: nothing is left to close.
        Assert.Equal((Iso(LendingSetup.BusinessToday().AddDays(-1)), 0), (books.LastClosedDate, books.LoansVisited));
        Assert.Equal(CurrentTally(county.County, 1, LoanFen), books.County);
    }

    [Fact]
    public async Task ClosingThroughTodayIsRefusedBecauseTheDayIsNotOver()
    {
        var request = Close(Keys.NewCounty(), Iso(LendingSetup.BusinessToday()));

        var error = await Assert.ThrowsAsync<RpcException>(() => Servicing.CloseBusinessDaysAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "DAY_NOT_OVER"), (error.StatusCode, error.Reason()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4501")]
    [InlineData("45010A")]
    [InlineData("450101001000")]
    public async Task AMalformedCountyCodeIsAnInvalidArgument(string countyCode)
    {
        var request = Close(countyCode, Iso(LendingSetup.BusinessToday().AddDays(-1)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Servicing.CloseBusinessDaysAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["county_code"], error.ViolatedFields());
    }
}
