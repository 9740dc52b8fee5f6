using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Households;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// A fresh county ready to lend: a policy, quota down to one village (and its township's
/// legal-person share), a fund account at one bank, and helpers to register households and walk
/// loans through the review chain.
/// </summary>
public sealed class LendingBranch
{
    public const string BankCode = "RCC";

    private static readonly Money ProvinceQuota = Money.FromYuan(1_000_000_000_000m);

    private readonly IGrainFactory _grains;
    private int _households;

    private LendingBranch(IGrainFactory grains, AdminCode village, CountyPolicy policy)
    {
        _grains = grains;
        Village = village;
        Policy = policy;
    }

    public AdminCode Village { get; }

    public AdminCode Township => Village.Parent!.Value;

    public AdminCode County => Township.Parent!.Value;

    public CountyPolicy Policy { get; }

    public IFundAccountGrain Fund => _grains.GetGrain<IFundAccountGrain>(FundAccountId.For(County, BankCode));

    public IVillageGrain VillageGrain => _grains.GetGrain<IVillageGrain>(Village.Value);

    public ITownshipGrain TownshipGrain => _grains.GetGrain<ITownshipGrain>(Township.Value);

    /// <summary>Registers the branch. Quotas and fund default to far more than any test lends.</summary>
    public static async Task<LendingBranch> CreateAsync(
        IGrainFactory grains, CountyPolicy? policy = null, Money? villageQuota = null, Money? fundBalance = null, Money? townshipQuota = null)
    {
        policy ??= CountyPolicy.Default5321(new DateOnly(2020, 1, 1));
        var village = await Hierarchy.NewVillageAsync(grains);
        var branch = new LendingBranch(grains, village, policy);
        var province = grains.GetGrain<IProvinceGrain>(Hierarchy.Province.Value);
        await province.SetAllocationAsync(ProvinceQuota, "省乡村振兴局", "test-province-quota");

        var villageAmount = villageQuota ?? Money.FromYuan(100_000_000m);
        var townshipAmount = townshipQuota ?? villageAmount + Money.FromYuan(100_000_000m);
        await province.AllocateAsync(branch.County.Value, townshipAmount, "省乡村振兴局", $"quota-{branch.County}");
        await grains.GetGrain<ICountyGrain>(branch.County.Value).AllocateAsync(branch.Township.Value, townshipAmount, "省乡村振兴局", $"quota-{branch.Township}");
        await branch.TownshipGrain.AllocateAsync(village.Value, villageAmount, "省乡村振兴局", $"quota-{village}");

        await grains.GetGrain<ICountyPolicyGrain>(branch.County.Value).AddVersionAsync(policy, "县乡村振兴局", $"policy-{branch.County}");
        await branch.Fund.OpenAsync(branch.County, BankCode, "农村信用合作社", "县财政局", $"open-{branch.County}");
        await branch.Fund.RecordAsync(
            FundEntryKind.CountyDeposit, fundBalance ?? Money.FromYuan(100_000_000m), "县财政注资", "县财政局", $"deposit-{branch.County}");
        return branch;
    }

    /// <summary>Registers a household in the branch's village; the head is 40 and the household rated four stars unless given.</summary>
    public async Task<string> NewHouseholdAsync(
        HouseholdCategory category = HouseholdCategory.RegisteredPoor,
        LaborCapacity labor = LaborCapacity.Ordinary,
        DateOnly? headBirthDate = null,
        int starRating = 4)
    {
        var registryNumber = $"{Village.Value}-{Interlocked.Increment(ref _households):0000}";
        var profile = new HouseholdProfile(
            "借款人", TestKeys.NewResidentId(headBirthDate ?? new DateOnly(1986, 1, 1)), [], category, labor, starRating);
        await _grains.GetGrain<IHouseholdGrain>(registryNumber).RegisterAsync(Village, profile, $"register-{registryNumber}");
        return registryNumber;
    }

    /// <summary>A household loan application at this branch's bank.</summary>
    public static LoanApplication Application(string household, Money amount, int termMonths = 24) =>
        new(household, BankCode, amount, termMonths, "购买母牛发展养殖", "畜牧业", null);

    /// <summary>Applies and passes the village, township and county reviews: ready for the bank.</summary>
    public async Task<ILoanGrain> ReviewedLoanAsync(LoanApplication application)
    {
        var loan = _grains.GetGrain<ILoanGrain>($"L-{Guid.NewGuid():N}");
        await loan.ApplyAsync(application, "户主", "apply");
        await loan.ReviewAsync(LoanParty.Village, "村委会", "村初审通过", "village");
        await loan.ReviewAsync(LoanParty.Township, "乡镇", "乡审核通过", "township");
        await loan.ReviewAsync(LoanParty.County, "县乡村振兴局", "县复查通过", "county");
        return loan;
    }

    public Task<ILoanGrain> ReviewedLoanAsync(string household, Money amount, int termMonths = 24) =>
        ReviewedLoanAsync(Application(household, amount, termMonths));
}
