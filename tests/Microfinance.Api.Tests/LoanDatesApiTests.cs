using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>
/// Dates that cannot be bent: money goes out no earlier than the approval and no later than today,
/// and a disbursement or repayment dated in the past changes the loan's standing at once — its
/// bucket, the county's books, the household's non-performing mark and the county's NPL lending
/// stop — without waiting for the next day-close.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LoanDatesApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;

    private LoanService.LoanServiceClient Loans => new(fixture.Channel);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(-1, "DISBURSED_BEFORE_APPROVAL")]
    [InlineData(-670, "DISBURSED_BEFORE_APPROVAL")]
    [InlineData(1, "DATE_IN_FUTURE")]
    public async Task A_disbursement_dated_outside_approval_to_today_is_refused_and_changes_nothing(int daysFromApproval, string reason)
    {
        var (county, loanId, approvedOn) = await ApprovedLoanAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => DisburseAsync(loanId, approvedOn.AddDays(daysFromApproval)));

        Assert.Equal((StatusCode.FailedPrecondition, reason), (refused.StatusCode, refused.Reason()));
        var loan = (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = loanId })).Loan;
        Assert.Equal((LoanStage.Approved, Iso(approvedOn)), (loan.Stage, loan.ApprovalDate));
        var fund = (await new FundService.FundServiceClient(fixture.Channel)
            .GetFundPositionAsync(new GetFundPositionRequest { FundId = county.FundId })).FundPosition;
        Assert.Equal(0, fund.OutstandingFen);
    }

    [Fact]
    public async Task A_back_dated_disbursement_and_repayment_change_the_standing_at_once()
    {
        var (county, loanId, approvedOn) = await ApprovedLoanAsync();
        await AdvanceAsync(county.County, 200);

        // Out since the approval, 200 days ago: the first quarterly interest, due 3 months in, went
        // unpaid over 90 days ago. Nothing has been closed since.
        var disbursed = (await DisburseAsync(loanId, approvedOn)).Loan;
        var firstDue = DateOnly.ParseExact(disbursed.Schedule[0].DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(OverdueBucket.Over90, (await BooksAsync(county.County)).County.Buckets.Single(b => b.Loans == 1).Bucket);
        Assert.True(await NonPerformingAsync(disbursed));
        Assert.True((await TermsAsync(county.County)).LendingStopped);

        // The bank reports, late, that the first interest was paid on its due date: the next one
        // (6 months in) is still unpaid, but under 30 days, and lending resumes.
        var owed = disbursed.Schedule[0].InterestFen;
        await Loans.RecordRepaymentAsync(new RecordRepaymentRequest
        {
            RequestId = Keys.NewRequestId(), LoanId = loanId, PaidDate = Iso(firstDue), AmountFen = owed,
        });

        Assert.Equal(OverdueBucket.Days1To30, (await BooksAsync(county.County)).County.Buckets.Single(b => b.Loans == 1).Bucket);
        Assert.False(await NonPerformingAsync(disbursed));
        Assert.False((await TermsAsync(county.County)).LendingStopped);
    }

    private async Task<(LendingSetup.LendingCounty County, string LoanId, DateOnly ApprovedOn)> ApprovedLoanAsync()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, 10_000_000, 50_000_000);
        var loanId = await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, LoanFen);
        var approved = (await Loans.ApproveLoanAsync(new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId })).Loan;
        return (county, loanId, DateOnly.ParseExact(approved.ApprovalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private Task<RecordDisbursementResponse> DisburseAsync(string loanId, DateOnly on) =>
        Loans.RecordDisbursementAsync(new RecordDisbursementRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, DisbursedDate = Iso(on) }).ResponseAsync;

    private Task AdvanceAsync(string county, int days) =>
        new ClockService.ClockServiceClient(fixture.ChannelWith(fixture.Tokens.Issue("practice-operator", Role.Operator, [])))
            .AdvancePracticeDateAsync(new AdvancePracticeDateRequest { RequestId = Keys.NewRequestId(), RegionCode = county, Days = days })
            .ResponseAsync;

    private async Task<CountyBooks> BooksAsync(string county) =>
        (await new ServicingService.ServicingServiceClient(fixture.Channel).GetCountyBooksAsync(new GetCountyBooksRequest { CountyCode = county })).Books;

    private async Task<LendingTerms> TermsAsync(string county) =>
        (await new PolicyService.PolicyServiceClient(fixture.Channel).GetLendingTermsAsync(new GetLendingTermsRequest { CountyCode = county })).LendingTerms;

    private async Task<bool> NonPerformingAsync(Loan loan) =>
        (await Loans.ListHouseholdLoansAsync(new ListHouseholdLoansRequest { RegistryNumber = loan.Application.RegistryNumber }))
            .Loans.Single(l => l.LoanId == loan.LoanId).NonPerforming;
}
