using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Api.Loans;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class BankDecisionStreamApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;
    private const string Banker = "信用社客户经理";

    private LoanService.LoanServiceClient Loans => new(fixture.Channel);

    private static StreamBankDecisionsRequest Approve(string loanId, int contractRateBp = 0) => new()
    {
        Approve = new ApproveLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, ContractRateBp = contractRateBp },
    };

    private static StreamBankDecisionsRequest Reject(string loanId, LoanParty party = LoanParty.Bank) => new()
    {
        Reject = new RejectLoanRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Party = party, Reason = "借款人放弃签约" },
    };

    private static StreamBankDecisionsRequest Disburse(string loanId) => new()
    {
        Disburse = new RecordDisbursementRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loanId,
            DisbursedDate = LendingSetup.BusinessToday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
    };

    private static string RequestIdOf(StreamBankDecisionsRequest decision) => BankDecisionRunner.Identify(decision).RequestId;

    /// <summary>
    /// Numbers the decisions 1, 2, 3… in the order given, sends them as one stream while reading the
    /// results, closes the stream and returns the results in the order they came.
    /// </summary>
    private async Task<List<StreamBankDecisionsResponse>> StreamAsync(params StreamBankDecisionsRequest[] decisions)
    {
        using var call = Loans.StreamBankDecisions();
        var results = call.ResponseStream.ReadAllAsync().ToListAsync().AsTask();
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i].Sequence = i + 1;
            await call.RequestStream.WriteAsync(decisions[i]);
        }

        await call.RequestStream.CompleteAsync();
        return await results;
    }

    private async Task<(string Village, List<string> LoanIds)> CountyReviewedLoansAsync(int count)
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var loanIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            loanIds.Add(await LendingSetup.NewCountyReviewedLoanAsync(fixture.Channel, county.Village, LoanFen));
        }

        return (county.Village, loanIds);
    }

    private async Task<QuotaPosition> VillageQuotaAsync(string village) =>
        (await new QuotaService.QuotaServiceClient(fixture.Channel)
            .GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = village })).Position;

    private async Task<Loan> LoanAsync(string loanId) => (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = loanId })).Loan;

    [Fact]
    public async Task AStreamApprovesAndDisbursesLoansAndAnswersEachDecisionUnderItsRequestIdAndSequence()
    {
        var (village, loanIds) = await CountyReviewedLoansAsync(3);
        var approvals = loanIds.Select(loanId => Approve(loanId)).ToList();
        var disbursements = loanIds.Select(Disburse).ToList();

        var results = await StreamAsync([.. approvals, .. disbursements]);

        var byRequestId = results.ToDictionary(result => result.RequestId);
        Assert.Equal(6, byRequestId.Count);
        foreach (var (decision, stage) in approvals.Select(d => (d, LoanStage.Approved)).Concat(disbursements.Select(d => (d, LoanStage.Disbursed))))
        {
            var result = byRequestId[RequestIdOf(decision)];
            Assert.Equal((decision.Sequence, BankDecisionRunner.Identify(decision).LoanId), (result.Sequence, result.LoanId));
            Assert.Equal(StreamBankDecisionsResponse.ResultOneofCase.Loan, result.ResultCase);
            Assert.Equal((result.LoanId, stage), (result.Loan.LoanId, result.Loan.Stage));
        }

        var quota = await VillageQuotaAsync(village);
        Assert.Equal((0L, 3 * LoanFen), (quota.ReservedFen, quota.UsedFen));
    }

    [Fact]
    public async Task ARefusedDecisionGetsItsOwnErrorAndTheDecisionsAfterItAreStillApplied()
    {
        var (_, loanIds) = await CountyReviewedLoansAsync(2);
        var (notApproved, approvable) = (loanIds[0], loanIds[1]);

        var results = await StreamAsync(
            Approve($"LN-{Guid.NewGuid():N}"),
            Approve(approvable, contractRateBp: -1),
            Disburse(notApproved),
            Reject(notApproved, LoanParty.Village),
            new StreamBankDecisionsRequest(),
            Approve(approvable));

        var bySequence = results.ToDictionary(result => result.Sequence);
        Assert.Equal(((int)StatusCode.NotFound, "LOAN_NOT_FOUND"), (bySequence[1].Error.Code, bySequence[1].Error.Reason));
        Assert.Equal((int)StatusCode.InvalidArgument, bySequence[2].Error.Code);
        Assert.Equal(["approve.contract_rate_bp"], bySequence[2].Error.FieldViolations.Select(v => v.Field));
        Assert.Equal(((int)StatusCode.FailedPrecondition, "LOAN_STAGE_INVALID"), (bySequence[3].Error.Code, bySequence[3].Error.Reason));
        Assert.Equal(["reject.party"], bySequence[4].Error.FieldViolations.Select(v => v.Field));
        Assert.Equal(["approve"], bySequence[5].Error.FieldViolations.Select(v => v.Field));
        Assert.Equal(LoanStage.Approved, bySequence[6].Loan.Stage);
        Assert.Equal(LoanStage.CountyReviewed, (await LoanAsync(notApproved)).Stage);
    }

    [Fact]
    public async Task AStreamedDecisionIsRefusedWithTheCodeReasonAndMessageOfItsUnaryCall()
    {
        var (_, loanIds) = await CountyReviewedLoansAsync(1);
        var unary = await Assert.ThrowsAsync<RpcException>(
            () => Loans.RecordDisbursementAsync(Disburse(loanIds[0]).Disburse).ResponseAsync);

        var streamed = Assert.Single(await StreamAsync(Disburse(loanIds[0]))).Error;

        Assert.Equal(((int)unary.StatusCode, unary.Reason(), unary.Status.Detail), (streamed.Code, streamed.Reason, streamed.Message));
    }

    [Fact]
    public async Task AReplayedDecisionReturnsTheSameLoanAndAppliesOnce()
    {
        var (village, loanIds) = await CountyReviewedLoansAsync(1);
        var approval = Approve(loanIds[0]);
        var first = Assert.Single(await StreamAsync(approval)).Loan;

        var replays = await StreamAsync(approval.Clone(), approval.Clone());

        Assert.All(replays, replay => Assert.Equal(first, replay.Loan));
        Assert.Single((await LoanAsync(loanIds[0])).History, e => e.Stage == LoanStage.Approved);
        var quota = await VillageQuotaAsync(village);
        Assert.Equal((LoanFen, QuotaFen - LoanFen), (quota.ReservedFen, quota.AvailableFen));
    }

    [Fact]
    public async Task ALoansDecisionsInOneStreamAreAppliedInTheOrderSent()
    {
        var (village, loanIds) = await CountyReviewedLoansAsync(3);
        var (a, b, c) = (loanIds[0], loanIds[1], loanIds[2]);

        var results = await StreamAsync(Approve(a), Approve(b), Disburse(a), Approve(c), Disburse(b), Reject(c));

        Assert.All(results, result => Assert.Equal(StreamBankDecisionsResponse.ResultOneofCase.Loan, result.ResultCase));
        foreach (var (loanId, last) in new[] { (a, LoanStage.Disbursed), (b, LoanStage.Disbursed), (c, LoanStage.Rejected) })
        {
            var history = (await LoanAsync(loanId)).History.Select(e => e.Stage).TakeLast(2);
            Assert.Equal([LoanStage.Approved, last], history);
        }

        var quota = await VillageQuotaAsync(village);
        Assert.Equal((0L, 2 * LoanFen), (quota.ReservedFen, quota.UsedFen));
    }

    [Fact]
    public async Task AStreamLongerThanTheInFlightBoundGetsEveryDecisionAnswered()
    {
        var decisions = Enumerable.Range(0, 3 * BankDecisionStream.MaxInFlight)
            .Select(_ => Approve($"LN-{Guid.NewGuid():N}"))
            .ToArray();

        var results = await StreamAsync(decisions);

        Assert.Equal(decisions.Select(d => d.Sequence), results.Select(r => r.Sequence).Order());
        Assert.All(results, result => Assert.Equal("LOAN_NOT_FOUND", result.Error.Reason));
    }

    [Fact]
    public async Task ADecisionReusingARequestIdForAnotherRateIsRefusedInItsOwnResult()
    {
        var (_, loanIds) = await CountyReviewedLoansAsync(1);
        var approval = Approve(loanIds[0]);
        var first = Assert.Single(await StreamAsync(approval)).Loan;
        var other = approval.Clone();
        other.Approve.ContractRateBp = first.ContractRateBp + 10;

        var refused = Assert.Single(await StreamAsync(other)).Error;

        Assert.Equal(((int)StatusCode.FailedPrecondition, "REQUEST_ID_REUSED"), (refused.Code, refused.Reason));
        Assert.Equal(first.ContractRateBp, (await LoanAsync(loanIds[0])).ContractRateBp);
    }
}
