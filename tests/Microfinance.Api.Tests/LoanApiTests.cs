using System.Globalization;
using Grpc.Core;
using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LoanApiTests(ApiFixture fixture)
{
    private const long LoanFen = 3_000_000;
    private const long QuotaFen = 10_000_000;
    private const long FundFen = 50_000_000;

    private LoanService.LoanServiceClient Loans => new(fixture.Channel);

    private QuotaService.QuotaServiceClient Quotas => new(fixture.Channel);

    private FundService.FundServiceClient Funds => new(fixture.Channel);

    private static string NewLoanId() => $"LN-{Guid.NewGuid():N}";

    private static ApplyForLoanRequest Application(string loanId, string registryNumber, long amountFen = LoanFen) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        Application = new LoanApplication
        {
            RegistryNumber = registryNumber,
            BankCode = LendingSetup.BankCode,
            AmountFen = amountFen,
            TermMonths = 24,
            Purpose = "购买能繁母猪",
            Industry = "养殖业",
        },
    };

    private static ReviewLoanRequest Review(string loanId, LoanParty party) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        Party = party,
        Note = "同意",
    };

    private static ApproveLoanRequest Approval(string loanId) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
    };

    private static RecordDisbursementRequest Disbursement(string loanId) => new()
    {
        RequestId = Keys.NewRequestId(),
        LoanId = loanId,
        DisbursedDate = LendingSetup.BusinessToday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>A fresh lending county, a household in its village and a loan it applied for.</summary>
    private async Task<(LendingSetup.LendingCounty County, string Household, string LoanId)> AppliedLoanAsync(
        long quotaFen = QuotaFen, long amountFen = LoanFen)
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, quotaFen, FundFen);
        var household = await LendingSetup.RegisterHouseholdAsync(fixture.Channel, county.Village, HouseholdCategory.RegisteredPoor);
        var loanId = NewLoanId();
        await Loans.ApplyForLoanAsync(Application(loanId, household, amountFen));
        return (county, household, loanId);
    }

    /// <summary>A loan that passed the village, township and county reviews.</summary>
    private async Task<(LendingSetup.LendingCounty County, string Household, string LoanId)> CountyReviewedLoanAsync(
        long quotaFen = QuotaFen)
    {
        var applied = await AppliedLoanAsync(quotaFen);
        foreach (var party in new[] { LoanParty.Village, LoanParty.Township, LoanParty.County })
        {
            await Loans.ReviewLoanAsync(Review(applied.LoanId, party));
        }

        return applied;
    }

    private async Task<(LendingSetup.LendingCounty County, string Household, string LoanId)> ApprovedLoanAsync()
    {
        var reviewed = await CountyReviewedLoanAsync();
        await Loans.ApproveLoanAsync(Approval(reviewed.LoanId));
        return reviewed;
    }

    private async Task<Loan> ReviewedAndApprovedAsync(string loanId)
    {
        foreach (var party in new[] { LoanParty.Village, LoanParty.Township, LoanParty.County })
        {
            await Loans.ReviewLoanAsync(Review(loanId, party));
        }

        return (await Loans.ApproveLoanAsync(Approval(loanId))).Loan;
    }

    private async Task<QuotaPosition> VillageQuotaAsync(string village) =>
        (await Quotas.GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = village })).Position;

    private async Task<FundPosition> FundAsync(string fundId) =>
        (await Funds.GetFundPositionAsync(new GetFundPositionRequest { FundId = fundId })).FundPosition;

    [Fact]
    public async Task ALoanWalkedFromApplicationToDisbursementKeepsEveryStepInItsHistory()
    {
        var (_, household, loanId) = await ApprovedLoanAsync();
        var disbursement = Disbursement(loanId);

        await Loans.RecordDisbursementAsync(disbursement);

        var loan = (await Loans.GetLoanAsync(new GetLoanRequest { LoanId = loanId })).Loan;
        Assert.Equal(
            [
                LoanStage.Applied, LoanStage.VillageReviewed, LoanStage.TownshipReviewed,
                LoanStage.CountyReviewed, LoanStage.Approved, LoanStage.Disbursed,
            ],
            loan.History.Select(e => e.Stage));
        Assert.Equal(
            [LoanParty.Borrower, LoanParty.Village, LoanParty.Township, LoanParty.County, LoanParty.Bank, LoanParty.Bank],
            loan.History.Select(e => e.Party));
        Assert.Equal((disbursement.RequestId, LendingSetup.Actor), (loan.History[^1].RequestId, loan.History[^1].Actor));
        Assert.Equal((LoanStage.Disbursed, disbursement.DisbursedDate), (loan.Stage, loan.DisbursedDate));
        Assert.Equal(household, loan.Application.RegistryNumber);
        Assert.Equal((LoanFen, 475), (loan.FundBackedFen, loan.ContractRateBp));
        Assert.Equal(LendingSetup.PolicyEffectiveDate, loan.Policy.EffectiveDate);
        Assert.Equal(LoanFen, loan.Schedule.Sum(instalment => instalment.PrincipalFen));
        Assert.Equal(LoanFen, loan.Schedule[^1].PrincipalFen);
    }

    [Fact]
    public async Task AnApprovedLoanReservesVillageQuotaAndFundHeadroom()
    {
        var (county, household, loanId) = await CountyReviewedLoanAsync();

        var approved = (await Loans.ApproveLoanAsync(Approval(loanId))).Loan;

        Assert.Equal(LoanStage.Approved, approved.Stage);
        Assert.NotNull(approved.ApprovalExpireTime);
        var village = await VillageQuotaAsync(county.Village);
        Assert.Equal((LoanFen, 0L, QuotaFen - LoanFen), (village.ReservedFen, village.UsedFen, village.AvailableFen));
        var fund = await FundAsync(county.FundId);
        Assert.Equal((LoanFen, 0L), (fund.ReservedFen, fund.OutstandingFen));
    }

    [Fact]
    public async Task ADisbursedLoanIsUsedVillageQuotaAndOutstandingFundPrincipal()
    {
        var (county, _, loanId) = await ApprovedLoanAsync();

        await Loans.RecordDisbursementAsync(Disbursement(loanId));

        var village = await VillageQuotaAsync(county.Village);
        Assert.Equal((0L, LoanFen, QuotaFen - LoanFen), (village.ReservedFen, village.UsedFen, village.AvailableFen));
        var fund = await FundAsync(county.FundId);
        Assert.Equal((0L, LoanFen, 10), (fund.ReservedFen, fund.OutstandingFen, fund.LeverageMultiple));
        Assert.Equal((10 * FundFen - LoanFen, LoanFen * 10_000 / (10 * FundFen)), (fund.HeadroomFen, fund.LeverageUsedBp));
    }

    [Fact]
    public async Task TheHouseholdListsItsDisbursedLoanAgainstItsCap()
    {
        var (_, household, loanId) = await ApprovedLoanAsync();

        await Loans.RecordDisbursementAsync(Disbursement(loanId));

        var loans = (await Loans.ListHouseholdLoansAsync(new ListHouseholdLoansRequest { RegistryNumber = household })).Loans;
        var loan = Assert.Single(loans);
        Assert.Equal((loanId, LoanFen), (loan.LoanId, loan.CommittedFen));
        Assert.Equal((HouseholdLoanStatus.Disbursed, false), (loan.Status, loan.NonPerforming));
    }

    [Fact]
    public async Task ABankRejectionAfterApprovalReleasesTheVillageQuota()
    {
        var (county, _, loanId) = await ApprovedLoanAsync();

        var rejected = (await Loans.RejectLoanAsync(new RejectLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = loanId,
            Party = LoanParty.Bank,
            Reason = "借款人放弃签约",
        })).Loan;

        Assert.Equal((LoanStage.Rejected, "借款人放弃签约"), (rejected.Stage, rejected.History[^1].Note));
        var village = await VillageQuotaAsync(county.Village);
        Assert.Equal((0L, QuotaFen), (village.ReservedFen, village.AvailableFen));
    }

    [Fact]
    public async Task ApprovalAboveTheVillageQuotaIsRefused()
    {
        var (_, _, loanId) = await CountyReviewedLoanAsync(quotaFen: LoanFen - 1);

        var error = await Assert.ThrowsAsync<RpcException>(() => Loans.ApproveLoanAsync(Approval(loanId)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("VILLAGE_QUOTA_EXCEEDED", error.Reason());
    }

    [Fact]
    public async Task AReviewOutOfOrderIsRefusedAsAnInvalidStage()
    {
        var (_, _, loanId) = await AppliedLoanAsync();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Loans.ReviewLoanAsync(Review(loanId, LoanParty.Township)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("LOAN_STAGE_INVALID", error.Reason());
    }

    [Fact]
    public async Task DisbursingALoanTheBankHasNotApprovedIsRefusedAsAnInvalidStage()
    {
        var (_, _, loanId) = await CountyReviewedLoanAsync();

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Loans.RecordDisbursementAsync(Disbursement(loanId)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("LOAN_STAGE_INVALID", error.Reason());
    }

    [Fact]
    public async Task AFiveGuaranteeHouseholdCannotApply()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var household = await LendingSetup.RegisterHouseholdAsync(fixture.Channel, county.Village, HouseholdCategory.FiveGuarantee);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Loans.ApplyForLoanAsync(Application(NewLoanId(), household)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("FIVE_GUARANTEE_HOUSEHOLD", error.Reason());
    }

    [Fact]
    public async Task ARetriedApplicationReturnsTheSameLoan()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var household = await LendingSetup.RegisterHouseholdAsync(fixture.Channel, county.Village, HouseholdCategory.RegisteredPoor);
        var application = Application(NewLoanId(), household);
        var first = (await Loans.ApplyForLoanAsync(application)).Loan;

        var retried = (await Loans.ApplyForLoanAsync(application)).Loan;

        Assert.Equal(first, retried);
        Assert.Equal(county.Village, retried.VillageCode);
    }

    [Fact]
    public async Task ALegalPersonAppliesForTheHouseholdsItDrives()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        var cooperative = await LendingSetup.RegisterCooperativeAsync(fixture.Channel, county.County);
        string[] driven =
        [
            await LendingSetup.RegisterHouseholdAsync(fixture.Channel, county.Village, HouseholdCategory.RegisteredPoor),
            await LendingSetup.RegisterHouseholdAsync(fixture.Channel, county.Village, HouseholdCategory.Monitored),
        ];
        var request = Application(NewLoanId(), "", amountFen: 1_000_000);
        request.Application.LegalPerson = new LegalPersonBorrower
        {
            CreditCode = cooperative,
            TownshipCode = county.Township,
            DrivenRegistryNumbers = { driven },
        };

        var loan = (await Loans.ApplyForLoanAsync(request)).Loan;

        Assert.Equal((LoanStage.Applied, county.County, ""), (loan.Stage, loan.CountyCode, loan.VillageCode));
        Assert.Equal(LoanApplication.BorrowerOneofCase.LegalPerson, loan.Application.BorrowerCase);
        Assert.Equal((cooperative, county.Township), (loan.Application.LegalPerson.CreditCode, loan.Application.LegalPerson.TownshipCode));
        Assert.Equal(driven, loan.Application.LegalPerson.DrivenRegistryNumbers);
    }

    [Fact]
    public async Task AnApprovedLegalPersonLoanListsTheDrivenHouseholdsItChargedLeavingOutOneWithNoCapRoom()
    {
        var county = await LendingSetup.NewLendingCountyAsync(fixture.Channel, QuotaFen, FundFen);
        await LendingSetup.RaiseProvinceQuotaAsync(Quotas, QuotaFen);
        await LendingSetup.AllocateAsync(Quotas, LendingSetup.Province, county.County, 2 * QuotaFen);
        await LendingSetup.AllocateAsync(Quotas, county.County, county.Township, 2 * QuotaFen); // room for the legal-person share
        var cooperative = await LendingSetup.RegisterCooperativeAsync(fixture.Channel, county.County);
        var borrowedInFull = await LendingSetup.RegisterHouseholdAsync(fixture.Channel, county.Village, HouseholdCategory.RegisteredPoor);
        var withRoom = await LendingSetup.RegisterHouseholdAsync(fixture.Channel, county.Village, HouseholdCategory.RegisteredPoor);
        var ownLoan = NewLoanId();
        await Loans.ApplyForLoanAsync(Application(ownLoan, borrowedInFull, amountFen: 5_000_000));
        await ReviewedAndApprovedAsync(ownLoan);
        var request = Application(NewLoanId(), "", amountFen: 500_000);
        request.Application.LegalPerson = new LegalPersonBorrower
        {
            CreditCode = cooperative,
            TownshipCode = county.Township,
            DrivenRegistryNumbers = { borrowedInFull, withRoom },
        };
        await Loans.ApplyForLoanAsync(request);

        var approved = await ReviewedAndApprovedAsync(request.LoanId);

        Assert.Equal(LoanStage.Approved, approved.Stage);
        Assert.Equal([withRoom], approved.ChargedRegistryNumbers);
    }

    [Fact]
    public async Task AnApplicationWithoutBorrowerAndWithMalformedTermsNamesEveryField()
    {
        var request = Application("LN 1", "");
        request.Application.ClearBorrower();
        request.Application.BankCode = "信用社";
        request.Application.AmountFen = 0;
        request.Application.TermMonths = 0;

        var error = await Assert.ThrowsAsync<RpcException>(() => Loans.ApplyForLoanAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            [
                "loan_id", "application.registry_number", "application.bank_code",
                "application.amount_fen", "application.term_months",
            ],
            error.ViolatedFields());
    }

    [Fact]
    public async Task ARejectionWithoutAReasonOrWithTheBorrowerAsPartyIsAnInvalidArgument()
    {
        var request = new RejectLoanRequest
        {
            RequestId = Keys.NewRequestId(),
            LoanId = "L-DEMO-0001",
            Party = LoanParty.Borrower,
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Loans.RejectLoanAsync(request).ResponseAsync);

        Assert.Equal(["party", "reason"], error.ViolatedFields());
    }

    [Fact]
    public async Task AnUnknownLoanIsNotFound()
    {
        var request = new GetLoanRequest { LoanId = NewLoanId() };

        var error = await Assert.ThrowsAsync<RpcException>(() => Loans.GetLoanAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("LOAN_NOT_FOUND", error.Reason());
    }
}
