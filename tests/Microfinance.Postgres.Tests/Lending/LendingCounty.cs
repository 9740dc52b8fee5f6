using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;

namespace Microfinance.Postgres.Tests.Lending;

/// <summary>
/// 富民县 ready to lend, for the tests that kill a silo: two villages with quota to spare, the "5321"
/// policy, one bank's fund account and registered-poor households, each to borrow once; and the check
/// that every limit's counter equals the sum over the loans disbursed. Every call is retried as a
/// bank would (<see cref="Retry"/>).
/// </summary>
public sealed class LendingCounty(IGrainFactory grains)
{
    public const string Bank = "RCC";

    public static readonly AdminCode County = AdminCode.Parse("530124");
    private static readonly AdminCode[] Villages = [AdminCode.Parse("530124101001"), AdminCode.Parse("530124101002")];

    /// <summary>The i-th household's loan: 1,000 yuan and 100 more for each household before it.</summary>
    public static Money Amount(int i) => Money.FromYuan(1_000m + 100m * i);

    /// <summary>Sets up the county with <paramref name="households"/> households, H000 onwards, over both villages.</summary>
    /// <returns>The households' registry numbers.</returns>
    public async Task<IReadOnlyList<string>> SetUpAsync(int households)
    {
        foreach (var (code, name) in new[] { ("53", "云南省"), ("530124", "富民县"), ("530124101", "款庄镇") })
        {
            await Retry.UntilAnsweredAsync(() => grains.GetRegion(AdminCode.Parse(code)).CreateAsync(name, $"create-{code}"));
        }

        foreach (var village in Villages)
        {
            await Retry.UntilAnsweredAsync(() => grains.GetRegion(village).CreateAsync("村", $"create-{village}"));
        }

        var plenty = Money.FromYuan(100_000_000m);
        var province = grains.GetGrain<IProvinceGrain>("530000000000");
        await Retry.UntilAnsweredAsync(() => province.SetAllocationAsync(plenty, "省乡村振兴局", "quota-province"));
        await Retry.UntilAnsweredAsync(() => province.AllocateAsync(County.Value, plenty, "省乡村振兴局", "quota-county"));
        await Retry.UntilAnsweredAsync(() => grains.GetGrain<ICountyGrain>(County.Value).AllocateAsync("530124101000", plenty, "省乡村振兴局", "quota-township"));
        foreach (var village in Villages)
        {
            await Retry.UntilAnsweredAsync(() => grains.GetGrain<ITownshipGrain>("530124101000").AllocateAsync(village.Value, Money.FromYuan(10_000_000m), "省乡村振兴局", $"quota-{village}"));
        }

        await Retry.UntilAnsweredAsync(() => grains.GetGrain<ICountyPolicyGrain>(County.Value).AddVersionAsync(CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), "县", "policy"));
        var fund = grains.GetGrain<IFundAccountGrain>(FundAccountId.For(County, Bank));
        await Retry.UntilAnsweredAsync(() => fund.OpenAsync(County, Bank, "农村信用合作社", "县财政局", "open"));
        await Retry.UntilAnsweredAsync(() => fund.RecordAsync(FundEntryKind.CountyDeposit, Money.FromYuan(10_000_000m), "注资", "县财政局", "deposit"));

        var registered = new List<string>();
        for (var i = 0; i < households; i++)
        {
            var registryNumber = $"H{i:000}";
            var profile = new HouseholdProfile("户主", ResidentIdFor(i), [], HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, 3);
            await Retry.UntilAnsweredAsync(() => grains.GetGrain<IHouseholdGrain>(registryNumber).RegisterAsync(Villages[i % Villages.Length], profile, $"register-{i}"));
            registered.Add(registryNumber);
        }

        return registered;
    }

    /// <summary>户申请 → 村初审 → 乡审核 → 县复查 of a two-year loan from <see cref="Bank"/>: what the bank's approval waits for.</summary>
    public async Task<ILoanGrain> ApplyAndReviewAsync(string loanId, string household, Money amount)
    {
        var loan = grains.GetGrain<ILoanGrain>(loanId);
        var application = new LoanApplication(household, Bank, amount, 24, "种植烤烟", "种植业", null);
        await Retry.UntilAnsweredAsync(() => loan.ApplyAsync(application, "户主", $"{loanId}-apply"));
        await Retry.UntilAnsweredAsync(() => loan.ReviewAsync(LoanParty.Village, "村委会", "", $"{loanId}-village"));
        await Retry.UntilAnsweredAsync(() => loan.ReviewAsync(LoanParty.Township, "乡镇", "", $"{loanId}-township"));
        await Retry.UntilAnsweredAsync(() => loan.ReviewAsync(LoanParty.County, "县", "", $"{loanId}-county"));
        return loan;
    }

    /// <summary>
    /// Each village's used quota, the fund's outstanding principal and each household's loans equal
    /// what <paramref name="loans"/>, all disbursed and one per household, add up to, and nothing is
    /// left reserved.
    /// </summary>
    public async Task AssertCountersEqualTheLoansAsync(IReadOnlyList<LoanRecord> loans)
    {
        foreach (var village in Villages)
        {
            var quota = await grains.GetGrain<IVillageGrain>(village.Value).GetQuotaAsync();
            Assert.Equal(Sum(loans.Where(loan => loan.Village == village)), quota.Used);
            Assert.Equal(Money.Zero, quota.Reserved);
        }

        var fund = await grains.GetGrain<IFundAccountGrain>(FundAccountId.For(County, Bank)).GetPositionAsync();
        Assert.Equal(new Money(loans.Sum(loan => loan.FundBacked.Fen)), fund.Outstanding);
        Assert.Equal(Money.Zero, fund.Reserved);
        foreach (var loan in loans)
        {
            var held = await grains.GetGrain<IHouseholdGrain>(loan.Application.Borrower).ListLoansAsync();
            Assert.Equal([new HouseholdLoan(loan.LoanId, loan.Application.Amount, HouseholdLoanStatus.Disbursed, false)], held);
        }
    }

    private static Money Sum(IEnumerable<LoanRecord> loans) => new(loans.Sum(loan => loan.Application.Amount.Fen));

    private static ResidentId ResidentIdFor(int i) => ResidentId.Compose("530124", new DateOnly(1980, 1, 1), i);
}
