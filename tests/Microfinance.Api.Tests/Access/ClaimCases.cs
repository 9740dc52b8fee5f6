using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix rows of compensation claims, each step on claims brought to the step before it.</summary>
public static class ClaimCases
{
    public static IEnumerable<RpcCase> All()
    {
        var claims = CompensationService.Descriptor;
        yield return OnDisbursedLoans(claims, "FileClaim", AllowedCallers.Lenders, daysAgo: 360, async (world, loanId) =>
        {
            var filing = await ClaimSetup.FilingAsync(world.Admin, loanId, world.Today);
            return Call(caller => new CompensationService.CompensationServiceClient(caller).FileClaimAsync(filing));
        });
        yield return OnClaims(claims, "PostClaimNotice", AllowedCallers.LocalOffices, ClaimStep.Filed, (_, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).PostClaimNoticeAsync(
                new PostClaimNoticeRequest { RequestId = Keys.NewRequestId(), LoanId = loanId })));
        yield return OnClaims(claims, "RaiseClaimObjection", AllowedCallers.LocalOffices, ClaimStep.NoticePosted, (_, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).RaiseClaimObjectionAsync(AccessWorld.Objection(loanId))));
        yield return OnClaims(claims, "ResolveClaimObjection", AllowedCallers.CountyOffice, ClaimStep.ObjectionRaised, (_, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).ResolveClaimObjectionAsync(new ResolveClaimObjectionRequest
            {
                RequestId = Keys.NewRequestId(),
                LoanId = loanId,
                ObjectionNumber = 1,
                Resolution = ObjectionStatus.Dismissed,
                Reasons = "经核查，务工收入不足以偿还贷款",
            })));
        yield return OnClaims(claims, "SignOffClaim", AllowedCallers.TownshipOffice, ClaimStep.NoticePosted, (_, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).SignOffClaimAsync(ClaimSetup.SignOff(loanId))));
        yield return OnClaims(claims, "WithdrawClaim", AllowedCallers.Lenders, ClaimStep.Filed, (_, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).WithdrawClaimAsync(
                new WithdrawClaimRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Reason = "借款人家属已代为还款" })));
        yield return OnClaims(claims, "SettleClaimShortfall", AllowedCallers.CountyOffice, ClaimStep.CompensatedWithShortfall, (world, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).SettleClaimShortfallAsync(new SettleClaimShortfallRequest
            {
                RequestId = Keys.NewRequestId(), LoanId = loanId, PaidDate = AccessWorld.Iso(world.Today), Document = "县财政局〔2026〕12号拨款通知",
            })));
        yield return OnClaims(claims, "VerifyClaim", AllowedCallers.CountyOffice, ClaimStep.NoticeOver, (_, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).VerifyClaimAsync(
                new VerifyClaimRequest { RequestId = Keys.NewRequestId(), LoanId = loanId, Note = "核实无误" })));
        yield return OnClaims(claims, "ApproveClaim", AllowedCallers.CountyOffice, ClaimStep.Verified, (_, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).ApproveClaimAsync(AccessWorld.ClaimApproval(loanId))));
        yield return OnClaims(claims, "RecordClaimRecovery", AllowedCallers.Lenders, ClaimStep.Compensated, (world, loanId) => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).RecordClaimRecoveryAsync(new RecordClaimRecoveryRequest
            {
                RequestId = Keys.NewRequestId(),
                LoanId = loanId,
                AmountFen = 100_000,
                RecoveredDate = AccessWorld.Iso(world.Today),
                Note = "法院执行回款",
            })));
        yield return Read(claims, "GetClaim", AllowedCallers.BankReaders, async world =>
        {
            var loanId = (await world.ClaimsAsync(1, ClaimStep.Filed)).Single();
            return Call(caller => new CompensationService.CompensationServiceClient(caller).GetClaimAsync(new GetClaimRequest { LoanId = loanId }));
        });
        yield return Read(claims, "ListClaims", AllowedCallers.CountyReaders, world => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).ListClaimsAsync(new ListClaimsRequest { CountyCode = world.County.County })));
        yield return Read(claims, "GetCompensationReport", AllowedCallers.CountyReaders, world => Call(caller =>
            new CompensationService.CompensationServiceClient(caller).GetCompensationReportAsync(
                new GetCompensationReportRequest { CountyCode = world.County.County })));
    }
}
