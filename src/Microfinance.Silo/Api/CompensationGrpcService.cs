using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Compensation;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using ClaimFiling = Microfinance.Domain.Compensation.ClaimFiling;
using DomainDunning = Microfinance.Domain.Compensation.DunningAction;
using DomainFinding = Microfinance.Domain.Compensation.VerificationFinding;
using DomainInsurance = Microfinance.Domain.Compensation.CreditInsurance;
using DomainObjectionStatus = Microfinance.Domain.Compensation.ObjectionStatus;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the compensation claim grains (风险补偿) and the county claim registers.</summary>
public sealed class CompensationGrpcService(IGrainFactory grains) : CompensationService.CompensationServiceBase
{
    private const int MaxTextLength = 1000;
    private const int MaxNameLength = 100;
    private const int MaxNoteLength = 500;
    private const int MaxDocumentLength = 200;
    private const int MaxDunningActions = 500;
    private const int FullCoverBasisPoints = 10_000;

    public override async Task<FileClaimResponse> FileClaim(FileClaimRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var bankCode = check.BankCode("bank_code", request.BankCode);
        var cause = check.Enum("cause", ProtoEnums.ToDomain(request.Cause));
        var description = check.Text("cause_description", request.CauseDescription, MaxTextLength);
        var dunning = Dunning(check, request.DunningActions);
        var insurance = request.CreditInsurance is { } insured ? Insurance(check, insured) : null;
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var filing = new ClaimFiling(bankCode, cause, description, dunning, insurance);
        var claim = await Claim(loanId).FileAsync(filing, actor, requestId);
        return new FileClaimResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<PostClaimNoticeResponse> PostClaimNotice(PostClaimNoticeRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).PostNoticeAsync(actor, requestId);
        return new PostClaimNoticeResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<RaiseClaimObjectionResponse> RaiseClaimObjection(RaiseClaimObjectionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var objector = check.Text("objector", request.Objector, MaxNameLength);
        var content = check.Text("content", request.Content, MaxTextLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).RaiseObjectionAsync(objector, content, actor, requestId);
        return new RaiseClaimObjectionResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<ResolveClaimObjectionResponse> ResolveClaimObjection(ResolveClaimObjectionRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var number = check.Range("objection_number", request.ObjectionNumber, 1, int.MaxValue);
        var resolution = ProtoEnums.ToDomain(request.Resolution);
        if (resolution is not (DomainObjectionStatus.Dismissed or DomainObjectionStatus.Upheld))
        {
            check.Add("resolution", "must be OBJECTION_STATUS_DISMISSED or OBJECTION_STATUS_UPHELD");
        }

        var reasons = check.Text("reasons", request.Reasons, MaxTextLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).ResolveObjectionAsync(
            number, resolution == DomainObjectionStatus.Upheld, reasons, actor, requestId);
        return new ResolveClaimObjectionResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<SignOffClaimResponse> SignOffClaim(SignOffClaimRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var opinion = check.Text("opinion", request.Opinion, MaxNoteLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).SignOffAsync(request.Endorsed, opinion, actor, requestId);
        return new SignOffClaimResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<WithdrawClaimResponse> WithdrawClaim(WithdrawClaimRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var reason = check.Text("reason", request.Reason, MaxNoteLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).WithdrawAsync(reason, actor, requestId);
        return new WithdrawClaimResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<SettleClaimShortfallResponse> SettleClaimShortfall(SettleClaimShortfallRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var paidOn = check.Date("paid_date", request.PaidDate);
        var document = check.Text("document", request.Document, MaxDocumentLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).SettleShortfallAsync(paidOn, document, actor, requestId);
        return new SettleClaimShortfallResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<VerifyClaimResponse> VerifyClaim(VerifyClaimRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var findings = new List<DomainFinding>();
        for (var i = 0; i < request.Findings.Count; i++)
        {
            if (ProtoEnums.ToDomain(request.Findings[i]) is { } finding)
            {
                findings.Add(finding);
            }
            else
            {
                check.Add($"findings[{i}]", "must be a verification finding, not VERIFICATION_FINDING_UNSPECIFIED");
            }
        }

        var note = check.OptionalText("note", request.Note, MaxTextLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).VerifyAsync(findings, note, actor, requestId);
        return new VerifyClaimResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<ApproveClaimResponse> ApproveClaim(ApproveClaimRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var document = check.Text("approval_document", request.ApprovalDocument, MaxNameLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).ApproveAsync(document, actor, requestId);
        return new ApproveClaimResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<RecordClaimRecoveryResponse> RecordClaimRecovery(RecordClaimRecoveryRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var amount = check.PositiveAmount("amount_fen", request.AmountFen);
        var recoveredOn = check.Date("recovered_date", request.RecoveredDate);
        var note = check.OptionalText("note", request.Note, MaxNoteLength);
        var actor = context.Caller().Subject;
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).RecordRecoveryAsync(recoveredOn, amount, request.ThroughLitigation, note, actor, requestId);
        return new RecordClaimRecoveryResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<GetClaimResponse> GetClaim(GetClaimRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var loanId = check.LoanId("loan_id", request.LoanId);
        check.ThrowIfInvalid();

        var claim = await Claim(loanId).GetAsync();
        return new GetClaimResponse { Claim = CompensationMapper.ToProto(claim) };
    }

    public override async Task<ListClaimsResponse> ListClaims(ListClaimsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        var status = ProtoEnums.ToDomain(request.Status);
        if (status is null && request.Status != ClaimStatus.Unspecified)
        {
            check.Add("status", "is not a claim status");
        }

        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 100, maxSize: 1000);
        var after = check.PageToken("page_token", request.PageToken);
        check.ThrowIfInvalid();

        var claims = await grains.Get<IClaimRegisterGrain>(county.Value).ListAsync();
        var remaining = claims
            .Where(claim => status is null || claim.Status == status)
            .Where(claim => after is null || string.CompareOrdinal(claim.LoanId, after) > 0)
            .ToList();
        var page = remaining.Take(pageSize).ToList();
        return new ListClaimsResponse
        {
            Claims = { page.Select(CompensationMapper.ToProto) },
            NextPageToken = remaining.Count > pageSize ? PageToken.Encode(page[^1].LoanId) : "",
        };
    }

    public override async Task<GetCompensationReportResponse> GetCompensationReport(GetCompensationReportRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var county = check.AdminCode("county_code", request.CountyCode, AdminLevel.County);
        check.ThrowIfInvalid();

        var report = await grains.Get<IClaimRegisterGrain>(county.Value).GetReportAsync();
        return new GetCompensationReportResponse { Report = CompensationMapper.ToProto(report) };
    }

    private ICompensationClaimGrain Claim(string loanId) => grains.Get<ICompensationClaimGrain>(loanId);

    private static List<DomainDunning> Dunning(RequestValidator check, IReadOnlyList<DunningAction> actions)
    {
        if (actions.Count > MaxDunningActions)
        {
            check.Add("dunning_actions", $"must hold at most {MaxDunningActions} actions");
            return [];
        }

        var dunning = new List<DomainDunning>();
        for (var i = 0; i < actions.Count; i++)
        {
            var on = check.Date($"dunning_actions[{i}].action_date", actions[i].ActionDate);
            var method = check.Enum($"dunning_actions[{i}].method", ProtoEnums.ToDomain(actions[i].Method));
            var note = check.OptionalText($"dunning_actions[{i}].note", actions[i].Note, MaxNoteLength);
            dunning.Add(new DomainDunning(on, method, note));
        }

        return dunning;
    }

    private static DomainInsurance Insurance(RequestValidator check, CreditInsurance insurance)
    {
        var insurer = check.Text("credit_insurance.insurer", insurance.Insurer, MaxNameLength);
        var policyNumber = check.Text("credit_insurance.policy_number", insurance.PolicyNumber, MaxNameLength);
        var cover = check.Range("credit_insurance.cover_ratio_bp", insurance.CoverRatioBp, 1, FullCoverBasisPoints);
        return new DomainInsurance(insurer, policyNumber, CompensationMapper.CoverPercent(cover));
    }
}
