using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using Microfinance.Silo.Security;

namespace Microfinance.Api.Tests;

/// <summary>
/// Compensation claims through the real gRPC stack; each loan's county waits out the days on the
/// practice clock. Each claim is on a loan of ¥40,000 at the 24-month benchmark rate of 4.75%,
/// disbursed 360 days before filing and never paid: the loss at filing is 40,000.00 + 40,000.00
/// × 4.75% × 360 / 360 = 41,900.00, all within the base cap.
/// </summary>
[Collection(ClockedApiCollection.Name)]
public sealed class CompensationApiTests(ClockedApiFixture fixture)
{
    private const long PrincipalFen = 4_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;
    private const string Bank = "信贷员";
    private const string County = "县扶贫办";

    private CompensationService.CompensationServiceClient Compensation => new(fixture.Channel);

    private FundService.FundServiceClient Funds => new(fixture.Channel);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<LendingSetup.DisbursedLoan> UnpaidLoanAsync(int daysAgo = 360) =>
        LendingSetup.NewDisbursedLoanAsync(fixture, PrincipalFen, QuotaFen, FundFen, daysOutstanding: daysAgo);

    private Task<FileClaimRequest> FilingAsync(LendingSetup.DisbursedLoan loan) => ClaimSetup.FilingAsync(fixture.Channel, loan.LoanId, loan.Today);

    /// <summary>Lets the notice stand its 7 days: the loan's county moves on, on the practice clock.</summary>
    private Task SevenDaysLaterAsync(LendingSetup.DisbursedLoan loan) =>
        new ClockService.ClockServiceClient(fixture.ChannelWith(fixture.Tokens.Issue("practice-operator", Role.Operator, [])))
            .AdvancePracticeDateAsync(new AdvancePracticeDateRequest { RequestId = Keys.NewRequestId(), RegionCode = loan.County.County, Days = 7 })
            .ResponseAsync;

    private async Task<(LendingSetup.DisbursedLoan Loan, Claim Claim)> FiledClaimAsync()
    {
        var loan = await UnpaidLoanAsync();
        var claim = (await Compensation.FileClaimAsync(await FilingAsync(loan))).Claim;
        return (loan, claim);
    }

    private Task<PostClaimNoticeResponse> PostNoticeAsync(string loanId) =>
        Compensation.PostClaimNoticeAsync(new PostClaimNoticeRequest { RequestId = Keys.NewRequestId(), LoanId = loanId }).ResponseAsync;

    /// <summary>Posts the notice and has the township sign the claim off: what stands before the county's verification is the notice period.</summary>
    private async Task PostNoticeAndSignOffAsync(string loanId)
    {
        await PostNoticeAsync(loanId);
        await Compensation.SignOffClaimAsync(ClaimSetup.SignOff(loanId));
    }

    private async Task<LendingSetup.DisbursedLoan> VerifiedClaimAsync()
    {
        var (loan, _) = await FiledClaimAsync();
        await PostNoticeAndSignOffAsync(loan.LoanId);
        await SevenDaysLaterAsync(loan);
        await Compensation.VerifyClaimAsync(new VerifyClaimRequest { RequestId = Keys.NewRequestId(), LoanId = loan.LoanId, Note = "核实无误" });
        return loan;
    }

    private static ApproveClaimRequest Approval(string loanId) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        ApprovalDocument = "县金融扶贫领导小组〔2026〕7号",
    };

    private async Task<LendingSetup.DisbursedLoan> CompensatedClaimAsync()
    {
        var loan = await VerifiedClaimAsync();
        await Compensation.ApproveClaimAsync(Approval(loan.LoanId));
        return loan;
    }

    [Fact]
    public async Task AFiledClaimShowsTheLossAsOfFiling()
    {
        var loan = await UnpaidLoanAsync();

        var claim = (await Compensation.FileClaimAsync(await FilingAsync(loan))).Claim;

        Assert.Equal(475, loan.ContractRateBp);
        Assert.Equal(ClaimStatus.Filed, claim.Status);
        Assert.Equal(
            new ClaimLoss { PrincipalFen = 4_000_000, InterestFen = 190_000, TotalFen = 4_190_000, CompensableFen = 4_190_000 },
            claim.ClaimedLoss);
        Assert.Equal((loan.County.County, ClaimAction.Filed, LendingSetup.Actor), (claim.CountyCode, claim.History.Single().Action, claim.History.Single().Actor));
    }

    [Fact]
    public async Task AClaimOnALoanNotYetNinetyDaysOverdueIsRefusedAndNotRecorded()
    {
        var loan = await UnpaidLoanAsync(daysAgo: 150);
        var filing = await FilingAsync(loan);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Compensation.FileClaimAsync(filing).ResponseAsync);

        var lookup = await Assert.ThrowsAsync<RpcException>(
            () => Compensation.GetClaimAsync(new GetClaimRequest { LoanId = loan.LoanId }).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "CLAIM_TOO_EARLY"), (refusal.StatusCode, refusal.Reason()));
        Assert.Equal((StatusCode.NotFound, "CLAIM_NOT_FOUND"), (lookup.StatusCode, lookup.Reason()));
    }

    [Fact]
    public async Task AClaimWithoutDunningIsRefusedForTheCollectionPeriod()
    {
        var loan = await UnpaidLoanAsync();
        var filing = await FilingAsync(loan);
        filing.DunningActions.Clear();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Compensation.FileClaimAsync(filing).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "NO_DUNNING_IN_COLLECTION_PERIOD"), (refusal.StatusCode, refusal.Reason()));
    }

    [Fact]
    public async Task ARetriedFilingReturnsTheSameClaim()
    {
        var loan = await UnpaidLoanAsync();
        var filing = await FilingAsync(loan);
        await Compensation.FileClaimAsync(filing);

        var retried = (await Compensation.FileClaimAsync(filing)).Claim;

        Assert.Single(retried.History);
    }

    [Fact]
    public async Task ASecondClaimOnALoanAlreadyExists()
    {
        var (loan, _) = await FiledClaimAsync();
        var second = await FilingAsync(loan);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Compensation.FileClaimAsync(second).ResponseAsync);

        Assert.Equal((StatusCode.AlreadyExists, "CLAIM_ALREADY_FILED"), (refusal.StatusCode, refusal.Reason()));
    }

    [Fact]
    public async Task ApprovalWhileTheNoticeStandsIsRefused()
    {
        var (loan, _) = await FiledClaimAsync();
        await PostNoticeAsync(loan.LoanId);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Compensation.ApproveClaimAsync(Approval(loan.LoanId)).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "NOTICE_PERIOD_NOT_OVER"), (refusal.StatusCode, refusal.Reason()));
    }

    [Fact]
    public async Task AnOpenObjectionHoldsTheVerificationAfterTheNotice()
    {
        var (loan, _) = await FiledClaimAsync();
        await PostNoticeAsync(loan.LoanId);
        await Compensation.RaiseClaimObjectionAsync(new RaiseClaimObjectionRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
            Objector = "村民王某",
            Content = "借款人之子在外务工，家庭仍有收入",
        });
        await SevenDaysLaterAsync(loan);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Compensation.VerifyClaimAsync(new VerifyClaimRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
        }).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "OBJECTION_OPEN"), (refusal.StatusCode, refusal.Reason()));
    }

    [Fact]
    public async Task AFindingAtVerificationRejectsTheClaimNamingTheRule()
    {
        var (loan, _) = await FiledClaimAsync();
        await PostNoticeAndSignOffAsync(loan.LoanId);
        await SevenDaysLaterAsync(loan);

        var claim = (await Compensation.VerifyClaimAsync(new VerifyClaimRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
            Findings = { VerificationFinding.RiskEventNotReported },
            Note = "借款人住院三个月，银行未告知县扶贫办",
        })).Claim;

        Assert.Equal((ClaimStatus.Rejected, "RISK_EVENT_NOT_REPORTED"), (claim.Status, claim.RejectionReason));
    }

    [Fact]
    public async Task ApprovalAfterTheNoticePaysTheFundsSeventyPercentOutOfItsBalance()
    {
        var loan = await VerifiedClaimAsync();

        var claim = (await Compensation.ApproveClaimAsync(Approval(loan.LoanId))).Claim;

        // 41,900.00 × 70% = 29,330.00 from the fund, 12,570.00 borne by the bank; the fund's
        // 500,000.00 − 29,330.00 = 470,670.00.
        var position = (await Funds.GetFundPositionAsync(new GetFundPositionRequest { FundId = loan.County.FundId })).FundPosition;
        var ledger = (await Funds.ListFundLedgerEntriesAsync(new ListFundLedgerEntriesRequest { FundId = loan.County.FundId })).Entries;
        Assert.Equal(ClaimStatus.Compensated, claim.Status);
        Assert.Equal(new RiskShares { FundFen = 2_933_000, BankFen = 1_257_000 }, claim.Shares);
        Assert.Equal((2_933_000L, 0L), (claim.PaidFromFundFen, claim.OwedByCountyBudgetFen));
        Assert.Equal(47_067_000L, position.BalanceFen);
        Assert.Equal((FundEntryKind.CompensationPayout, -2_933_000L), (ledger[^1].Kind, ledger[^1].AmountFen));
    }

    [Fact]
    public async Task ARetriedApprovalPaysOnce()
    {
        var loan = await VerifiedClaimAsync();
        var approval = Approval(loan.LoanId);
        await Compensation.ApproveClaimAsync(approval);

        await Compensation.ApproveClaimAsync(approval);

        var ledger = (await Funds.ListFundLedgerEntriesAsync(new ListFundLedgerEntriesRequest { FundId = loan.County.FundId })).Entries;
        Assert.Single(ledger, entry => entry.Kind == FundEntryKind.CompensationPayout);
    }

    [Fact]
    public async Task ARecoveryIsSplitBackAndTheFundsPartCreditedToIt()
    {
        var loan = await CompensatedClaimAsync();

        var claim = (await Compensation.RecordClaimRecoveryAsync(new RecordClaimRecoveryRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
            AmountFen = 1_000_000,
            RecoveredDate = Iso(loan.Today.AddDays(7)),
            Note = "法院执行回款",
        })).Claim;

        // 10,000.00 × 29,330 / 41,900 = 7,000.00 back to the fund, 3,000.00 to the bank; the fund
        // 470,670.00 + 7,000.00 = 477,670.00.
        var position = (await Funds.GetFundPositionAsync(new GetFundPositionRequest { FundId = loan.County.FundId })).FundPosition;
        Assert.Equal(new RiskShares { FundFen = 700_000, BankFen = 300_000 }, claim.Recoveries.Single().Shares);
        Assert.Equal(47_767_000L, position.BalanceFen);
    }

    [Fact]
    public async Task WhatASuitRecoversGoesBackToTheFundWhole()
    {
        var loan = await CompensatedClaimAsync();

        var claim = (await Compensation.RecordClaimRecoveryAsync(new RecordClaimRecoveryRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
            AmountFen = 1_000_000,
            RecoveredDate = Iso(loan.Today.AddDays(7)),
            Note = "（2030）云0125民初88号判决执行回款",
            ThroughLitigation = true,
        })).Claim;

        // 第二十三条: the 10,000.00 goes to the fund: 470,670.00 + 10,000.00 = 480,670.00.
        var position = (await Funds.GetFundPositionAsync(new GetFundPositionRequest { FundId = loan.County.FundId })).FundPosition;
        var recovery = claim.Recoveries.Single();
        Assert.True(recovery.ThroughLitigation);
        Assert.Equal(new RiskShares { FundFen = 1_000_000 }, recovery.Shares);
        Assert.Equal(48_067_000L, position.BalanceFen);
    }

    [Fact]
    public async Task AClaimTheBankWithdrewTakesNoFurtherStep()
    {
        var (loan, _) = await FiledClaimAsync();

        var withdrawn = (await Compensation.WithdrawClaimAsync(new WithdrawClaimRequest
        {
            RequestId = Keys.NewRequestId(), LoanId = loan.LoanId, Reason = "借款人家属已代为还款",
        })).Claim;
        var refusal = await Assert.ThrowsAsync<RpcException>(() => PostNoticeAsync(loan.LoanId));

        Assert.Equal((ClaimStatus.Withdrawn, ClaimAction.Withdrawn), (withdrawn.Status, withdrawn.History[^1].Action));
        Assert.Equal((StatusCode.FailedPrecondition, "CLAIM_WITHDRAWN"), (refusal.StatusCode, refusal.Reason()));
    }

    [Fact]
    public async Task TheCountyReportCountsTheCompensatedClaimAndWhoPaid()
    {
        var loan = await CompensatedClaimAsync();

        var report = (await Compensation.GetCompensationReportAsync(new GetCompensationReportRequest { CountyCode = loan.County.County })).Report;

        Assert.Equal(
            [(ClaimStatus.Compensated, 1, 4_190_000L)],
            report.ByStatus.Where(tally => tally.Claims > 0).Select(tally => (tally.Status, tally.Claims, tally.ClaimedLossFen)));
        Assert.Equal(new RiskShares { FundFen = 2_933_000, BankFen = 1_257_000 }, report.ApprovedShares);
        Assert.Equal((2_933_000L, 0L), (report.PaidFromFundFen, report.OwedByCountyBudgetFen));
    }

    [Fact]
    public async Task TheCountysClaimsAreListedByStatus()
    {
        var (loan, _) = await FiledClaimAsync();

        var listed = await Compensation.ListClaimsAsync(new ListClaimsRequest { CountyCode = loan.County.County, Status = ClaimStatus.Filed });

        Assert.Equal([(loan.LoanId, 4_190_000L)], listed.Claims.Select(claim => (claim.LoanId, claim.ClaimedLossFen)));
    }

    [Fact]
    public async Task AFilingWithBadFieldsNamesEachOne()
    {
        var request = new FileClaimRequest
        {
            LoanId = "not a loan id",
            BankCode = "rcc",
            DunningActions = { new DunningAction { ActionDate = "2026-13-01" } },
            CreditInsurance = new CreditInsurance { PolicyNumber = "PICC-1", CoverRatioBp = 0 },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Compensation.FileClaimAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            [
                "request_id", "loan_id", "bank_code", "cause", "cause_description",
                "dunning_actions[0].action_date", "dunning_actions[0].method",
                "credit_insurance.insurer", "credit_insurance.cover_ratio_bp",
            ],
            error.ViolatedFields());
    }

    [Fact]
    public async Task AnObjectionCanOnlyBeDismissedOrUpheld()
    {
        var loan = await UnpaidLoanAsync();
        var request = new ResolveClaimObjectionRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
            ObjectionNumber = 0,
            Resolution = ObjectionStatus.Open,
            Reasons = "理由",
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Compensation.ResolveClaimObjectionAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["objection_number", "resolution"], error.ViolatedFields());
    }

    [Fact]
    public async Task AnUnspecifiedFindingIsInvalid()
    {
        var loan = await UnpaidLoanAsync();
        var request = new VerifyClaimRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
            Findings = { VerificationFinding.CauseNotCovered, VerificationFinding.Unspecified },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Compensation.VerifyClaimAsync(request).ResponseAsync);

        Assert.Equal(["findings[1]"], error.ViolatedFields());
    }

    [Fact]
    public async Task ARecoveryOfNothingIsInvalid()
    {
        var loan = await UnpaidLoanAsync();
        var request = new RecordClaimRecoveryRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loan.LoanId,
            AmountFen = 0,
            RecoveredDate = "",
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Compensation.RecordClaimRecoveryAsync(request).ResponseAsync);

        Assert.Equal(["amount_fen", "recovered_date"], error.ViolatedFields());
    }
}
