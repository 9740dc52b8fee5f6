using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

/// <summary>
/// Extensions, renewals and county deferrals through the real gRPC stack, on ¥30,000 loans of 24
/// months disbursed on the host's business date (interest quarterly, principal at maturity); each
/// loan's county then moves ten days on, on the practice clock.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RestructuringApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;

    private readonly DateOnly _disbursedOn = LendingSetup.BusinessToday();

    private LoanService.LoanServiceClient Loans => new(fixture.Channel);

    private ServicingService.ServicingServiceClient Servicing => new(fixture.Channel);

    private DateOnly DisbursedOn => _disbursedOn;

    /// <summary>The loans' county's business date: ten days after they went out.</summary>
    private DateOnly CountyToday => _disbursedOn.AddDays(10);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<LendingSetup.DisbursedLoan> DisbursedLoanAsync() =>
        LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, 10_000_000, 50_000_000, daysOutstanding: 10);

    private static ExtendLoanRequest Extension(string loanId, int months, string rating = "AA") => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        Months = months,
        Rating = rating,
    };

    [Fact]
    public async Task ExtendLoanMovesTheMaturityOnceAndAReplayChangesNothing()
    {
        var disbursed = await DisbursedLoanAsync();
        var request = Extension(disbursed.LoanId, 12);

        var extended = (await Loans.ExtendLoanAsync(request)).Loan;
        var replayed = (await Loans.ExtendLoanAsync(request)).Loan;
        var again = await Assert.ThrowsAsync<RpcException>(async () => await Loans.ExtendLoanAsync(Extension(disbursed.LoanId, 1)));

        // 24 months + 12 from the disbursement date (对年对月对日).
        Assert.Equal(Iso(DisbursedOn.AddMonths(36)), extended.Schedule[^1].DueDate);
        Assert.Equal(LoanFen, extended.Schedule[^1].PrincipalFen);
        var extension = Assert.Single(extended.Restructurings);
        Assert.Equal(
            (RestructuringKind.Extension, 12, "AA", Iso(DisbursedOn.AddMonths(24)), Iso(DisbursedOn.AddMonths(36))),
            (extension.Kind, extension.Months, extension.Rating, extension.MaturityBeforeDate, extension.MaturityAfterDate));
        Assert.Equal(extended.Restructurings, replayed.Restructurings);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("EXTENSION_ALREADY_GRANTED", again.Reason());
    }

    [Fact]
    public async Task ExtendLoanBeyondHalfTheTermIsRefused()
    {
        var disbursed = await DisbursedLoanAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(async () => await Loans.ExtendLoanAsync(Extension(disbursed.LoanId, 13)));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal("EXTENSION_TOO_LONG", refusal.Reason());
        Assert.Empty((await Loans.GetLoanAsync(new GetLoanRequest { LoanId = disbursed.LoanId })).Loan.Restructurings);
    }

    [Fact]
    public async Task ExtendLoanWithoutARatingOrMonthsNamesTheFields()
    {
        var disbursed = await DisbursedLoanAsync();

        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await Loans.ExtendLoanAsync(Extension(disbursed.LoanId, 0, rating: "")));

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(["months", "rating"], invalid.ViolatedFields().Order());
    }

    [Fact]
    public async Task RenewLoanAfterTheInterestIsPaidStartsANewContractAtTheReferenceRate()
    {
        var disbursed = await DisbursedLoanAsync();
        var renewal = new RenewLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = disbursed.LoanId,
            TermMonths = 12,
            Rating = "A",
        };
        var unpaid = await Assert.ThrowsAsync<RpcException>(async () => await Loans.RenewLoanAsync(renewal));
        var owed = (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = disbursed.LoanId })).Loan.Balance.InterestDueTodayFen;
        await Loans.RecordRepaymentAsync(new RecordRepaymentRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = disbursed.LoanId,
            PaidDate = Iso(CountyToday),
            AmountFen = owed,
        });

        var renewed = (await Loans.RenewLoanAsync(renewal)).Loan;

        Assert.Equal("INTEREST_UNPAID", unpaid.Reason());

        // 10 days of 3,000,000 at 4.75%: 3,000,000 × 4.75% × 10 / 360 = 3,958.33 → 3,958 fen.
        Assert.Equal(3_958, owed);

        // The benchmark for up to a year is 4.35%; the 24-month contract was at 4.75%.
        Assert.Equal(435, renewed.ContractRateBp);
        Assert.Equal(LoanFen, renewed.Balance.PrincipalFen);
        Assert.Equal(Iso(CountyToday.AddMonths(12)), renewed.Schedule[^1].DueDate);
        var restructuring = Assert.Single(renewed.Restructurings);
        Assert.Equal((RestructuringKind.Renewal, 475, 435), (restructuring.Kind, restructuring.RateBeforeBp, restructuring.RateBp));
    }

    [Fact]
    public async Task DeclareDeferralMovesTheCountysDueDatesAndIsListed()
    {
        var disbursed = await DisbursedLoanAsync();
        var firstDue = DisbursedOn.AddMonths(3);
        var request = new DeclareDeferralRequest
        {
            RequestId = Keys.NewRequestId(),
            CountyCode = disbursed.County.County,
            FromDate = Iso(firstDue.AddDays(-7)),
            ThroughDate = Iso(firstDue.AddDays(7)),
            Months = 2,
            Reason = "暴雨洪涝灾害",
        };

        var declared = (await Servicing.DeclareDeferralAsync(request)).Deferral;
        var listed = (await Servicing.ListDeferralsAsync(new ListDeferralsRequest { CountyCode = disbursed.County.County })).Deferrals;
        var loan = (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = disbursed.LoanId })).Loan;

        Assert.Equal((request.RequestId, 1, true), (declared.DeferralId, declared.LoansDeferred, declared.Completed));
        Assert.Equal([declared], listed);
        Assert.Equal(Iso(firstDue.AddMonths(2)), loan.Schedule[0].DueDate);
        Assert.Equal(RestructuringKind.Deferral, Assert.Single(loan.Restructurings).Kind);
    }

    [Fact]
    public async Task DeclareDeferralRefusesAWindowEndingFirstAndTooManyMonths()
    {
        var disbursed = await DisbursedLoanAsync();
        DeclareDeferralRequest Request(string from, string through, int months) => new()
        {
            RequestId = Keys.NewRequestId(),
            CountyCode = disbursed.County.County,
            FromDate = from,
            ThroughDate = through,
            Months = months,
            Reason = "疫情",
        };

        var backwards = await Assert.ThrowsAsync<RpcException>(
            async () => await Servicing.DeclareDeferralAsync(Request(Iso(CountyToday), Iso(CountyToday.AddDays(-1)), 3)));
        var tooLong = await Assert.ThrowsAsync<RpcException>(
            async () => await Servicing.DeclareDeferralAsync(Request(Iso(CountyToday), Iso(CountyToday.AddDays(30)), 7)));

        Assert.Equal(StatusCode.InvalidArgument, backwards.StatusCode);
        Assert.Equal(["through_date"], backwards.ViolatedFields());
        Assert.Equal(StatusCode.FailedPrecondition, tooLong.StatusCode);
        Assert.Equal("DEFERRAL_TOO_LONG", tooLong.Reason());
        Assert.Empty((await Servicing.ListDeferralsAsync(new ListDeferralsRequest { CountyCode = disbursed.County.County })).Deferrals);
    }
}
