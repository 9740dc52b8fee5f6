using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;

namespace Microfinance.Bench.Setup;

/// <summary>
/// Registers the province through the grains, as the registry and policy APIs would: regions,
/// a "5321" policy per county, quotas allocated province → county → township → village, and the
/// fund accounts with a county deposit. Quotas and funds are sized never to run out, so every
/// refusal in the timed run would be a bug, not a limit.
/// </summary>
public static class ProvinceSetup
{
    /// <summary>Each village's quota: 100 million yuan, far beyond what a run lends.</summary>
    private static readonly Money VillageQuota = Money.FromYuan(100_000_000m);

    /// <summary>Each fund account's deposit: 1 billion yuan, 10 billion of headroom at 1:10.</summary>
    private static readonly Money FundDeposit = Money.FromYuan(1_000_000_000m);

    private const string Actor = "bench-setup";
    private const int Parallelism = 32;

    public static async Task RunAsync(IGrainFactory grains, ProvinceLayout layout, CancellationToken ct)
    {
        var villagesPerTownship = layout.Villages.Count / layout.Townships.Count;
        var townshipsPerCounty = layout.Townships.Count / layout.Counties.Count;
        var townshipQuota = new Money(VillageQuota.Fen * villagesPerTownship);
        var countyQuota = new Money(townshipQuota.Fen * townshipsPerCounty);
        var provinceQuota = new Money(countyQuota.Fen * layout.Counties.Count);

        var province = grains.Get<IProvinceGrain>(layout.Province.Value);
        await province.CreateAsync("云南省", Request("create", layout.Province.Value));
        await province.SetAllocationAsync(provinceQuota, "bench", Request("quota", layout.Province.Value));

        await ForEachAsync(layout.Counties, ct, async county =>
        {
            await grains.Get<ICountyGrain>(county.Value).CreateAsync($"县{county.ShortForm}", Request("create", county.Value));
            await province.AllocateAsync(county.Value, countyQuota, "bench", Request("quota", county.Value));
            await grains.Get<ICountyPolicyGrain>(county.Value).AddVersionAsync(
                CountyPolicy.Default5321(new DateOnly(2020, 1, 1)), Actor, Request("policy", county.Value));
            foreach (var (code, name) in ProvinceLayout.Banks)
            {
                var fundId = FundAccountId.For(county, code);
                var fund = grains.Get<IFundAccountGrain>(fundId);
                await fund.OpenAsync(county, code, name, Actor, Request("open", fundId));
                await fund.RecordAsync(FundEntryKind.CountyDeposit, FundDeposit, "县财政注资", Actor, Request("deposit", fundId));
            }
        });

        await ForEachAsync(layout.Townships, ct, async township =>
        {
            await grains.Get<ITownshipGrain>(township.Value).CreateAsync($"乡{township.ShortForm}", Request("create", township.Value));
            await grains.Get<ICountyGrain>(township.County.Value)
                .AllocateAsync(township.Value, townshipQuota, "bench", Request("quota", township.Value));
        });

        await ForEachAsync(layout.Villages, ct, async village =>
        {
            await grains.Get<IVillageGrain>(village.Value).CreateAsync($"村{village.ShortForm}", Request("create", village.Value));
            await grains.Get<ITownshipGrain>(village.Township.Value)
                .AllocateAsync(village.Value, VillageQuota, "bench", Request("quota", village.Value));
        });
    }

    private static string Request(string what, string key) => $"setup-{what}-{key}";

    private static Task ForEachAsync(IEnumerable<AdminCode> codes, CancellationToken ct, Func<AdminCode, Task> body) =>
        Parallel.ForEachAsync(
            codes,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (code, _) => await body(code));
}
