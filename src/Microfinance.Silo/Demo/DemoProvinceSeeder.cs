using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;

namespace Microfinance.Silo.Demo;

/// <summary>
/// Loads a small demo province so that a newcomer has something to query. Every call carries a
/// fixed request id, so seeding an already seeded (persistent) cluster changes nothing.
/// </summary>
public sealed class DemoProvinceSeeder(IGrainFactory grains, BusinessClock clock, ILogger<DemoProvinceSeeder> logger) : IHostedService
{
    private const string Operator = "demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (code, name) in DemoProvince.Regions)
        {
            await grains.GetRegion(AdminCode.Parse(code)).CreateAsync(name, $"demo-region-{code}");
        }

        foreach (var household in DemoProvince.Households)
        {
            var profile = new HouseholdProfile(
                household.HeadName,
                ResidentId.Parse(household.HeadResidentId),
                [],
                household.Category,
                household.LaborCapacity,
                household.StarRating);
            await grains.Get<IHouseholdGrain>(household.RegistryNumber)
                .RegisterAsync(AdminCode.Parse(household.Village), profile, $"demo-household-{household.RegistryNumber}");
        }

        foreach (var legalPerson in DemoProvince.LegalPersons)
        {
            await grains.Get<ILegalPersonGrain>(legalPerson.CreditCode)
                .RegisterAsync(legalPerson.Profile, $"demo-legal-person-{legalPerson.CreditCode}");
        }

        await SeedLendingAsync();
        logger.LogInformation(
            "Demo province loaded: {Regions} regions, {Households} households, {LegalPersons} legal persons, {Loans} loans",
            DemoProvince.Regions.Count, DemoProvince.Households.Count, DemoProvince.LegalPersons.Count, DemoProvince.Loans.Count);
    }

    private async Task SeedLendingAsync()
    {
        foreach (var (county, policy) in DemoProvince.Policies)
        {
            await grains.Get<ICountyPolicyGrain>(AdminCode.Parse(county).Value)
                .AddVersionAsync(policy, Operator, $"demo-policy-{county}");
        }

        foreach (var (region, yuan) in DemoProvince.Quotas)
        {
            var code = AdminCode.Parse(region);
            var amount = Money.FromYuan(yuan);
            var requestId = $"demo-quota-{region}";
            await (code.Parent is { } parent
                ? grains.GetParentRegion(parent)!.AllocateAsync(code.Value, amount, Operator, requestId)
                : grains.GetRegion(code).SetAllocationAsync(amount, Operator, requestId));
        }

        foreach (var (county, bank, bankName, source, yuan) in DemoProvince.Funds)
        {
            var code = AdminCode.Parse(county);
            var fund = grains.Get<IFundAccountGrain>(FundAccountId.For(code, bank));
            await fund.OpenAsync(code, bank, bankName, Operator, $"demo-fund-{county}-{bank}");
            await fund.RecordAsync(source, Money.FromYuan(yuan), "风险补偿金注资", Operator, $"demo-deposit-{county}-{bank}");
        }

        foreach (var demo in DemoProvince.Loans)
        {
            await WalkAsync(demo);
        }
    }

    /// <summary>Takes a demo loan through the review chain up to the stage it is meant to show.</summary>
    private async Task WalkAsync(DemoLoan demo)
    {
        var loan = grains.Get<ILoanGrain>(demo.LoanId);
        var application = new LoanApplication(demo.Household, "RCC", Money.FromYuan(demo.Yuan), demo.TermMonths, demo.Purpose, demo.Industry, null);
        var id = demo.LoanId;
        await loan.ApplyAsync(application, "户主", $"{id}-apply");
        await loan.ReviewAsync(LoanParty.Village, "村委会", "村初审通过", $"{id}-village");
        if (demo.Reach == LoanStage.VillageReviewed)
        {
            return;
        }

        if (demo.Reach == LoanStage.Rejected)
        {
            await loan.RejectAsync(LoanParty.Township, "乡镇扶贫站", "项目与用途不符（户贷企用）", $"{id}-reject");
            return;
        }

        await loan.ReviewAsync(LoanParty.Township, "乡镇扶贫站", "乡审核通过", $"{id}-township");
        await loan.ReviewAsync(LoanParty.County, "县乡村振兴局", "县复查通过", $"{id}-county");
        await loan.ApproveAsync(null, "信用社信贷员", $"{id}-approve");
        // Disbursed on the day it is first seeded: a start on a later day finds it disbursed, and
        // must not send the same request id with another date (REQUEST_ID_REUSED).
        if (demo.Reach == LoanStage.Disbursed && await loan.GetAsync() is { Stage: LoanStage.Approved } approved)
        {
            await loan.RecordDisbursementAsync(clock.TodayIn(approved.County), "信用社信贷员", $"{id}-disburse");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
