using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

/// <summary>
/// Repayments through the real gRPC stack. Each loan of ¥30,000 is disbursed on the host's business
/// date, its county's date then moves 90 days on (the practice clock), and it is repaid 60 days after
/// disbursement, so the interest is over fixed day counts at the contract rate ApproveLoan returned:
/// 475 bp, the "5321" policy's reference for 24 months.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RepaymentApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;

    // Interest for the 60 days from disbursement up to (not including) the repayment, actual/360:
    // 3,000,000 × 4.75% × 60 / 360 = 23,750.00 fen.
    private const long InterestFor60DaysFen = 23_750;

    // What settles the loan on the repayment date: 3,000,000 + 23,750.
    private const long PayoffFen = LoanFen + InterestFor60DaysFen;

    private readonly DateOnly _today = LendingSetup.BusinessToday();

    private LoanService.LoanServiceClient Loans => new(fixture.Channel);

    private FundService.FundServiceClient Funds => new(fixture.Channel);

    private DateOnly DisbursedOn => _today;

    private DateOnly PaidOn => _today.AddDays(60);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<LendingSetup.DisbursedLoan> DisbursedLoanAsync() =>
        LendingSetup.NewDisbursedLoanAsync(fixture, LoanFen, QuotaFen, FundFen, daysOutstanding: 90);

    private RecordRepaymentRequest Repayment(string loanId, long amountFen) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        PaidDate = Iso(PaidOn),
        AmountFen = amountFen,
    };

    [Fact]
    public async Task TheBankMayChooseMonthlyInterestAndEqualPrincipalInstalments()
    {
        var disbursed = await LendingSetup.NewDisbursedLoanAsync(
            fixture, 2_400_000, 10_000_000, 1_000_000, 0,
            InterestFrequency.Monthly, PrincipalRepayment.EqualInstalments);

        var loan = (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = disbursed.LoanId })).Loan;

        // 24 monthly due dates, each repaying 24,000.00 / 24 = 1,000.00 of principal.
        Assert.Equal(24, loan.Schedule.Count);
        Assert.All(loan.Schedule, instalment => Assert.Equal(100_000, instalment.PrincipalFen));
    }

    [Fact]
    public async Task APartialRepaymentPaysTheInterestFirstAndLowersThePrincipal()
    {
        var disbursed = await DisbursedLoanAsync();
        // 23,750 interest first, then 1,000,000 principal.
        var repayment = Repayment(disbursed.LoanId, InterestFor60DaysFen + 1_000_000);

        await Loans.RecordRepaymentAsync(repayment);

        var loan = (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = disbursed.LoanId })).Loan;
        Assert.Equal((LoanStage.Disbursed, 475), (loan.Stage, loan.ContractRateBp));
        // The 30 days since on the 2,000,000 left: 2,000,000 × 4.75% × 30 / 360 = 7,916.67 → 7,917 fen.
        Assert.Equal(
            new LoanBalance
            {
                PrincipalFen = 2_000_000,
                UnpaidInterestFen = 0,
                AccruedThroughDate = Iso(PaidOn),
                InterestDueTodayFen = 7_917,
                InterestPaidThroughDate = Iso(PaidOn),
            },
            loan.Balance);
        var recorded = Assert.Single(loan.Repayments);
        Assert.Equal((1, Iso(PaidOn), repayment.AmountFen), (recorded.Sequence, recorded.PaidDate, recorded.AmountFen));
        // The whole loan is fund-backed, so all the principal repaid leaves the fund's outstanding.
        Assert.Equal(
            (InterestFor60DaysFen, 1_000_000L, 1_000_000L),
            (recorded.InterestPaidFen, recorded.PrincipalPaidFen, recorded.FundBackedPrincipalPaidFen));
        Assert.Equal((repayment.RequestId, LendingSetup.Actor), (recorded.RequestId, recorded.Actor));
        Assert.NotNull(recorded.RecordTime);
    }

    [Fact]
    public async Task AFullRepaymentClosesTheLoanAndClearsTheFundsOutstanding()
    {
        var disbursed = await DisbursedLoanAsync();

        var loan = (await Loans.RecordRepaymentAsync(Repayment(disbursed.LoanId, PayoffFen))).Loan;

        Assert.Equal((LoanStage.Closed, LoanStage.Closed), (loan.Stage, loan.History[^1].Stage));
        Assert.Equal((0L, 0L, 0L), (loan.Balance.PrincipalFen, loan.Balance.UnpaidInterestFen, loan.Balance.InterestDueTodayFen));
        var fund = (await Funds.GetFundPositionAsync(new GetFundPositionRequest { FundId = disbursed.County.FundId })).FundPosition;
        Assert.Equal(0L, fund.OutstandingFen);
    }

    [Fact]
    public async Task ARepaymentAboveWhatIsOwedIsRefusedAsAnOverpayment()
    {
        var disbursed = await DisbursedLoanAsync();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Loans.RecordRepaymentAsync(Repayment(disbursed.LoanId, PayoffFen + 1)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("OVERPAYMENT", error.Reason());
    }

    [Fact]
    public async Task ARepaymentOfNothingOnAMalformedDateNamesBothFields()
    {
        var request = Repayment("L-DEMO-0001", amountFen: 0);
        request.PaidDate = "2025-02-30";

        var error = await Assert.ThrowsAsync<RpcException>(() => Loans.RecordRepaymentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["paid_date", "amount_fen"], error.ViolatedFields());
    }

    [Fact]
    public async Task ARepaymentOnAClosedLoanIsRefused()
    {
        var disbursed = await DisbursedLoanAsync();
        await Loans.RecordRepaymentAsync(Repayment(disbursed.LoanId, PayoffFen));

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Loans.RecordRepaymentAsync(Repayment(disbursed.LoanId, 1)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("LOAN_CLOSED", error.Reason());
    }

    [Fact]
    public async Task ABankReusingASerialForAnotherRepaymentIsRefusedAndNothingIsRecorded()
    {
        var disbursed = await DisbursedLoanAsync();
        var first = Repayment(disbursed.LoanId, InterestFor60DaysFen);
        await Loans.RecordRepaymentAsync(first);
        var other = first.Clone();
        other.AmountFen = InterestFor60DaysFen + 1_000_000;

        var error = await Assert.ThrowsAsync<RpcException>(() => Loans.RecordRepaymentAsync(other).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("REQUEST_ID_REUSED", error.Reason());
        var loan = (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = disbursed.LoanId })).Loan;
        Assert.Equal([InterestFor60DaysFen], loan.Repayments.Select(repayment => repayment.AmountFen));
        Assert.Equal(LoanFen, loan.Balance.PrincipalFen);
    }
}
