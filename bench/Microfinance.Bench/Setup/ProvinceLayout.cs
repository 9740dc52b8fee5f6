using Microfinance.Abstractions.Funds;
using Microfinance.Domain.Regions;

namespace Microfinance.Bench.Setup;

/// <summary>
/// The benchmark's province, shaped like the SQL peer's (counties × 2 banks, villages, households)
/// but scaled to the run: province 53, counties 5301xx (then 5302xx … beyond 99), townships xxx,
/// villages xxx.
/// </summary>
public sealed class ProvinceLayout
{
    /// <summary>The province every benchmark lends in.</summary>
    public const string ProvinceCode = "53";

    /// <summary>Two cooperating banks per county, each with its own fund account (county × bank).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Banks = [("RCC", "农村信用合作联社"), ("PSBC", "邮政储蓄银行")];

    public ProvinceLayout(int counties, int townshipsPerCounty, int villagesPerTownship)
    {
        Counties = [.. Enumerable.Range(0, counties).Select(c => AdminCode.Parse($"53{c / 99 + 1:00}{c % 99 + 1:00}"))];
        Townships = [.. Counties.SelectMany(county =>
            Enumerable.Range(1, townshipsPerCounty).Select(t => AdminCode.Parse($"{county.ShortForm}{t:000}")))];
        Villages = [.. Townships.SelectMany(township =>
            Enumerable.Range(1, villagesPerTownship).Select(v => AdminCode.Parse($"{township.ShortForm}{v:000}")))];
        FundAccounts = [.. Counties.SelectMany(county => Banks.Select(bank => FundAccountId.For(county, bank.Code)))];
        var perCounty = townshipsPerCounty * villagesPerTownship;
        VillagesAcrossCounties = [.. Enumerable.Range(0, Villages.Count).Select(n => Villages[n % counties * perCounty + n / counties])];
    }

    public AdminCode Province { get; } = AdminCode.Parse(ProvinceCode);

    public IReadOnlyList<AdminCode> Counties { get; }

    public IReadOnlyList<AdminCode> Townships { get; }

    public IReadOnlyList<AdminCode> Villages { get; }

    /// <summary>The villages taking the counties in turn: the first of each county, then the second of each, and so on.</summary>
    public IReadOnlyList<AdminCode> VillagesAcrossCounties { get; }

    /// <summary>Fund account keys, county × bank.</summary>
    public IReadOnlyList<string> FundAccounts { get; }

    public override string ToString() =>
        $"1 province, {Counties.Count} {(Counties.Count == 1 ? "county" : "counties")}, {Townships.Count} townships, {Villages.Count} villages, {FundAccounts.Count} fund accounts";
}
