using Microfinance.Api.Tests.Support;
using Microfinance.Api.V1;
using static Microfinance.Api.Tests.Access.CaseBuilder;

namespace Microfinance.Api.Tests.Access;

/// <summary>The matrix rows of a county's lending frame: policies, quotas and funds.</summary>
public static class CountyCases
{
    public static IEnumerable<RpcCase> All()
    {
        var policies = PolicyService.Descriptor;
        yield return Change(policies, "CreatePolicyVersion", AllowedCallers.CountyOffice, world => Call(caller =>
            new PolicyService.PolicyServiceClient(caller).CreatePolicyVersionAsync(new CreatePolicyVersionRequest
            {
                RequestId = Keys.NewRequestId(),
                CountyCode = world.County.County,
                Policy = new CountyPolicy { EffectiveDate = AccessWorld.Iso(new DateOnly(2021, 1, 1).AddDays(world.Next())) },
            })));
        yield return Change(policies, "SetLendingStop", AllowedCallers.CountyOffice, world => Call(caller =>
            new PolicyService.PolicyServiceClient(caller).SetLendingStopAsync(new SetLendingStopRequest
            {
                RequestId = Keys.NewRequestId(),
                CountyCode = world.County.County,
                Stopped = false,
                Reason = "风险已化解，恢复放贷",
            })));
        yield return Read(policies, "ListPolicyVersions", AllowedCallers.AreaReaders, world => Call(caller =>
            new PolicyService.PolicyServiceClient(caller).ListPolicyVersionsAsync(new ListPolicyVersionsRequest { CountyCode = world.County.County })));
        yield return Read(policies, "GetLendingTerms", AllowedCallers.AreaReaders, world => Call(caller =>
            new PolicyService.PolicyServiceClient(caller).GetLendingTermsAsync(new GetLendingTermsRequest { CountyCode = world.County.County })));

        var quotas = QuotaService.Descriptor;
        yield return Change(quotas, "SetProvinceQuota", AllowedCallers.ProvinceOffice, async (world, _) =>
        {
            var overview = await new QuotaService.QuotaServiceClient(world.Admin).GetQuotaOverviewAsync(
                new GetQuotaOverviewRequest { RegionCode = LendingSetup.Province });
            return Call(caller => new QuotaService.QuotaServiceClient(caller).SetProvinceQuotaAsync(new SetProvinceQuotaRequest
            {
                RequestId = Keys.NewRequestId(),
                ProvinceCode = LendingSetup.Province,
                AmountFen = overview.Position.AllocatedFen + AccessWorld.QuotaFen,
            }));
        });
        yield return Change(quotas, "AllocateQuota", AllowedCallers.QuotaAllocators, world => Call(caller =>
            new QuotaService.QuotaServiceClient(caller).AllocateQuotaAsync(new AllocateQuotaRequest
            {
                RequestId = Keys.NewRequestId(),
                ParentCode = world.County.Township,
                ChildCode = world.County.Village,
                AmountFen = AccessWorld.QuotaFen,
            })));
        yield return Read(quotas, "GetQuotaOverview", AllowedCallers.QuotaReaders, world => Call(caller =>
            new QuotaService.QuotaServiceClient(caller).GetQuotaOverviewAsync(new GetQuotaOverviewRequest { RegionCode = world.County.Village })));

        var funds = FundService.Descriptor;
        yield return Change(funds, "OpenFundAccount", AllowedCallers.CountyOffice, world => Call(caller =>
            new FundService.FundServiceClient(caller).OpenFundAccountAsync(new OpenFundAccountRequest
            {
                RequestId = Keys.NewRequestId(),
                CountyCode = world.County.County,
                BankCode = $"B{world.Next()}",
                BankName = "测试村镇银行",
            })));
        yield return Change(funds, "RecordFundEntry", AllowedCallers.CountyOffice, world => Call(caller =>
            new FundService.FundServiceClient(caller).RecordFundEntryAsync(new RecordFundEntryRequest
            {
                RequestId = Keys.NewRequestId(),
                FundId = world.County.FundId,
                Kind = FundEntryKind.CountyDeposit,
                AmountFen = 1_000_000,
            })));
        yield return Read(funds, "GetFundPosition", AllowedCallers.BankReaders, world => Call(caller =>
            new FundService.FundServiceClient(caller).GetFundPositionAsync(new GetFundPositionRequest { FundId = world.County.FundId })));
        yield return Read(funds, "ListFundLedgerEntries", AllowedCallers.BankReaders, world => Call(caller =>
            new FundService.FundServiceClient(caller).ListFundLedgerEntriesAsync(new ListFundLedgerEntriesRequest { FundId = world.County.FundId })));
    }
}
