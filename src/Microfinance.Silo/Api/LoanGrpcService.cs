using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Api.V1;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Loans;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using DomainApplication = Microfinance.Domain.Loans.LoanApplication;
using ProtoApplication = Microfinance.Api.V1.LoanApplication;
using DomainParty = Microfinance.Domain.Loans.LoanParty;
using DrivingAgreement = Microfinance.Domain.Loans.DrivingAgreement;
using RepaymentTerms = Microfinance.Domain.Servicing.RepaymentTerms;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>
/// gRPC face of the loan grains: origination from application to disbursement, then repayments;
/// a bank's approvals, rejections and disbursements also come as one stream (<see cref="BankDecisionStream"/>).
/// </summary>
public sealed class LoanGrpcService(
    IGrainFactory grains, BusinessClock clock, LoanDecisionRequests decisions, BankDecisionRunner bankDecisions)
    : LoanService.LoanServiceBase
{
    private const int MaxTermMonths = 360;
    private const int MaxPurposeLength = 200;
    private const int MaxIndustryLength = 50;
    private const int MaxNoteLength = 500;
    private const int MaxDrivenHouseholds = 100;
    private const int MaxRatingLength = 20;

    private static readonly DomainParty[] Reviewers = [DomainParty.Village, DomainParty.Township, DomainParty.County];
    private static readonly DomainParty[] Rejecters = [.. Reviewers, DomainParty.Bank];

    public override async Task<ApplyForLoanResponse> ApplyForLoan(ApplyForLoanRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var application = ReadApplication(check, request.Application ?? new ProtoApplication());
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var loan = await grains.Get<ILoanGrain>(loanId).ApplyAsync(application, actor, requestId);
        return new ApplyForLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<ReviewLoanResponse> ReviewLoan(ReviewLoanRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var party = check.OneOf(
            "party",
            ProtoEnums.ToDomain(request.Party),
            Reviewers,
            "must be LOAN_PARTY_VILLAGE, LOAN_PARTY_TOWNSHIP or LOAN_PARTY_COUNTY; the bank decides with ApproveLoan");
        var actor = context.Caller().Subject;
        var note = check.OptionalText("note", request.Note, MaxNoteLength);
        check.ThrowIfInvalid();

        var loan = await grains.Get<ILoanGrain>(loanId).ReviewAsync(party, actor, note, requestId);
        return new ReviewLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<ApproveLoanResponse> ApproveLoan(ApproveLoanRequest request, ServerCallContext context)
    {
        var loan = await decisions.ApproveAsync(request, context.Caller().Subject, new RequestValidator());
        return new ApproveLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<RejectLoanResponse> RejectLoan(RejectLoanRequest request, ServerCallContext context)
    {
        var loan = await decisions.RejectAsync(
            request, context.Caller().Subject, new RequestValidator(), Rejecters, "must be LOAN_PARTY_VILLAGE, LOAN_PARTY_TOWNSHIP, LOAN_PARTY_COUNTY or LOAN_PARTY_BANK");
        return new RejectLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<WithdrawLoanResponse> WithdrawLoan(WithdrawLoanRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var actor = context.Caller().Subject;
        var reason = check.OptionalText("reason", request.Reason, MaxNoteLength);
        check.ThrowIfInvalid();

        var loan = await grains.Get<ILoanGrain>(loanId).WithdrawAsync(actor, reason, requestId);
        return new WithdrawLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<RecordDisbursementResponse> RecordDisbursement(
        RecordDisbursementRequest request, ServerCallContext context)
    {
        var loan = await decisions.RecordDisbursementAsync(request, context.Caller().Subject, new RequestValidator());
        return new RecordDisbursementResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override Task StreamBankDecisions(
        IAsyncStreamReader<StreamBankDecisionsRequest> requestStream,
        IServerStreamWriter<StreamBankDecisionsResponse> responseStream,
        ServerCallContext context) =>
        new BankDecisionStream(
            requestStream, responseStream, decision => bankDecisions.RunAsync(decision, context.Caller()), context.CancellationToken).RunAsync();

    public override async Task<RecordRepaymentResponse> RecordRepayment(
        RecordRepaymentRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var paidOn = check.Date("paid_date", request.PaidDate);
        var amount = check.PositiveAmount("amount_fen", request.AmountFen);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var loan = await grains.Get<ILoanGrain>(loanId).RecordRepaymentAsync(paidOn, amount, actor, requestId);
        return new RecordRepaymentResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<ExtendLoanResponse> ExtendLoan(ExtendLoanRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var months = check.Range("months", request.Months, 1, MaxTermMonths);
        var rating = check.Text("rating", request.Rating, MaxRatingLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var loan = await grains.Get<ILoanGrain>(loanId).ExtendAsync(months, rating, actor, requestId);
        return new ExtendLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<RenewLoanResponse> RenewLoan(RenewLoanRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var termMonths = check.Range("term_months", request.TermMonths, 1, MaxTermMonths);
        var rating = check.Text("rating", request.Rating, MaxRatingLength);
        var rate = check.Range("contract_rate_bp", request.ContractRateBp, 0, LoanDecisionRequests.MaxContractRateBasisPoints);
        RepaymentTerms? terms = request.InterestFrequency == InterestFrequency.Unspecified
            && request.PrincipalRepayment == PrincipalRepayment.Unspecified
                ? null
                : new RepaymentTerms(
                    check.Enum("interest_frequency", ProtoEnums.ToDomain(request.InterestFrequency)),
                    check.Enum("principal_repayment", ProtoEnums.ToDomain(request.PrincipalRepayment)));
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var loan = await grains.Get<ILoanGrain>(loanId)
            .RenewAsync(termMonths, rating, rate == 0 ? null : new InterestRate(rate), actor, requestId, terms);
        return new RenewLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<GetLoanResponse> GetLoan(GetLoanRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var loanId = check.LoanId("loan_id", request.LoanId);
        check.ThrowIfInvalid();

        var loan = await grains.Get<ILoanGrain>(loanId).GetAsync();
        return new GetLoanResponse { Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County)) };
    }

    public override async Task<ListHouseholdLoansResponse> ListHouseholdLoans(
        ListHouseholdLoansRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var registryNumber = check.RegistryNumber("registry_number", request.RegistryNumber);
        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 50, maxSize: 500);
        var after = check.PageToken("page_token", request.PageToken);
        check.ThrowIfInvalid();

        var loans = await grains.Get<IHouseholdGrain>(registryNumber.Value).ListLoansAsync();

        // Loans stay in the order they were applied for, so a page continues after the last loan id.
        var start = after is null ? 0 : loans.Select(loan => loan.LoanId).ToList().IndexOf(after) + 1;
        var page = loans.Skip(start).Take(pageSize).ToList();
        return new ListHouseholdLoansResponse
        {
            Loans = { page.Select(LoanMapper.ToProto) },
            NextPageToken = start + page.Count < loans.Count ? PageToken.Encode(page[^1].LoanId) : "",
        };
    }

    private static DomainApplication ReadApplication(RequestValidator check, ProtoApplication application)
    {
        string borrower;
        DrivingAgreement? agreement = null;
        switch (application.BorrowerCase)
        {
            case ProtoApplication.BorrowerOneofCase.RegistryNumber:
                borrower = check.RegistryNumber("application.registry_number", application.RegistryNumber).Value ?? "";
                break;
            case ProtoApplication.BorrowerOneofCase.LegalPerson:
                var legalPerson = application.LegalPerson;
                borrower = check.CreditCode("application.legal_person.credit_code", legalPerson.CreditCode).Value;
                agreement = new DrivingAgreement(
                    check.AdminCode("application.legal_person.township_code", legalPerson.TownshipCode, AdminLevel.Township),
                    ReadDrivenHouseholds(check, legalPerson));
                break;
            default:
                check.Add("application.registry_number", "is required, or application.legal_person for a legal-person borrower");
                borrower = "";
                break;
        }

        return new DomainApplication(
            borrower,
            check.BankCode("application.bank_code", application.BankCode),
            check.PositiveAmount("application.amount_fen", application.AmountFen),
            check.Range("application.term_months", application.TermMonths, 1, MaxTermMonths),
            check.Text("application.purpose", application.Purpose, MaxPurposeLength),
            check.Text("application.industry", application.Industry, MaxIndustryLength),
            agreement);
    }

    /// <summary>Reads the driven households, each registry number at most once.</summary>
    private static List<string> ReadDrivenHouseholds(RequestValidator check, LegalPersonBorrower legalPerson)
    {
        const string field = "application.legal_person.driven_registry_numbers";
        if (legalPerson.DrivenRegistryNumbers.Count is 0 or > MaxDrivenHouseholds)
        {
            check.Add(field, $"must list 1 to {MaxDrivenHouseholds} households");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var households = new List<string>();
        for (var i = 0; i < legalPerson.DrivenRegistryNumbers.Count; i++)
        {
            var number = check.RegistryNumber($"{field}[{i}]", legalPerson.DrivenRegistryNumbers[i]).Value ?? "";
            if (number.Length > 0 && !seen.Add(number))
            {
                check.Add($"{field}[{i}]", "appears twice");
            }

            households.Add(number);
        }

        return households;
    }
}
