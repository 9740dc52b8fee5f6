using Microfinance.Abstractions.LegalPersons;
using Microfinance.Domain.Funds;
using Microfinance.Domain.Households;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;

namespace Microfinance.Silo.Demo;

/// <summary>
/// The demo data: a province, two counties with their own policies, townships, villages,
/// households, quotas, fund accounts and a few loans along the review chain.
/// </summary>
public static class DemoProvince
{
    /// <summary>Regions in parent-first order, by division code.</summary>
    public static IReadOnlyList<(string Code, string Name)> Regions { get; } =
    [
        ("53", "云南省"),
        ("530124", "富民县"),
        ("530124101", "款庄镇"),
        ("530124101001", "款庄村"),
        ("530124101002", "小水井村"),
        ("530124102", "赤鹫镇"),
        ("530124102001", "赤鹫村"),
        ("530125", "宜良县"),
        ("530125103", "狗街镇"),
        ("530125103001", "狗街村"),
    ];

    public static IReadOnlyList<DemoHousehold> Households { get; } =
    [
        new("530124101001-0001", "530124101001", "张文华", "530124197803150013", HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, 4),
        new("530124101001-0002", "530124101001", "李秀英", "530124198511020027", HouseholdCategory.EscapedPoverty, LaborCapacity.Skilled, 5),
        new("530124101001-0003", "530124101001", "王德明", "53012419690723003X", HouseholdCategory.Monitored, LaborCapacity.Weak, 3),
        new("530124101001-0004", "530124101001", "赵桂兰", "530124195801010018", HouseholdCategory.FiveGuarantee, LaborCapacity.None, 0),
        new("530124101002-0001", "530124101002", "陈永福", "530124199001180041", HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, 3),
        new("530124102001-0001", "530124102001", "杨春梅", "530124200502020025", HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, 0),
        new("530125103001-0001", "530125103001", "刘建国", "530125198203040014", HouseholdCategory.EscapedPoverty, LaborCapacity.Skilled, 4),
        new("530125103001-0002", "530125103001", "周丽华", "530125197512120021", HouseholdCategory.RegisteredPoor, LaborCapacity.Ordinary, 2),
    ];

    /// <summary>Each county's policy: 富民县 lends under "5321", 宜良县 still under the older 篇1 rules.</summary>
    public static IReadOnlyList<(string County, CountyPolicy Policy)> Policies { get; } =
    [
        ("530124", CountyPolicy.Default5321(new DateOnly(2020, 1, 1))),
        ("530125", CountyPolicy.Older2015(new DateOnly(2015, 1, 1))),
    ];

    /// <summary>Quota (yuan) flowing down: the province's total first, then each region's share, parents first.</summary>
    public static IReadOnlyList<(string Region, decimal Yuan)> Quotas { get; } =
    [
        ("53", 100_000_000m),
        ("530124", 15_000_000m),
        ("530124101", 6_000_000m),
        ("530124101001", 2_000_000m),
        ("530124101002", 2_000_000m),
        ("530124102", 4_000_000m),
        ("530124102001", 2_000_000m),
        ("530125", 10_000_000m),
        ("530125103", 5_000_000m),
        ("530125103001", 2_000_000m),
    ];

    /// <summary>Fund accounts (第七条: 15M at the credit union, 5M at the postal bank) and their deposits.</summary>
    public static IReadOnlyList<(string County, string Bank, string BankName, FundEntryKind Source, decimal Yuan)> Funds { get; } =
    [
        ("530124", "RCC", "富民县农村信用合作联社", FundEntryKind.CountyDeposit, 15_000_000m),
        ("530124", "PSBC", "中国邮政储蓄银行富民县支行", FundEntryKind.ProvincialDeposit, 5_000_000m),
        ("530125", "RCC", "宜良县农村信用合作联社", FundEntryKind.CountyDeposit, 8_000_000m),
    ];

    /// <summary>Loans at the credit union of 富民县, left at different steps of the review chain.</summary>
    public static IReadOnlyList<DemoLoan> Loans { get; } =
    [
        new("L-DEMO-0001", "530124101001-0001", 20_000m, 36, "购买能繁母牛2头", "畜牧业", LoanStage.Disbursed),
        new("L-DEMO-0002", "530124101001-0002", 50_000m, 24, "扩建核桃烘烤房", "林果业", LoanStage.Approved),
        new("L-DEMO-0003", "530124101001-0003", 10_000m, 12, "种植魔芋5亩", "种植业", LoanStage.VillageReviewed),
        new("L-DEMO-0004", "530124101002-0001", 30_000m, 36, "开办农家乐", "服务业", LoanStage.Rejected),
    ];

    public static IReadOnlyList<(string CreditCode, LegalPersonProfile Profile)> LegalPersons { get; } =
    [
        ("93530124MA6K7Q2P1C", new("富民县款庄镇绿源种植专业合作社", LegalPersonKind.Cooperative, AdminCode.Parse("530124"), "何正平")),
        ("92530125MA6L0C3X1F", new("宜良县狗街镇丰收家庭农场", LegalPersonKind.FamilyFarm, AdminCode.Parse("530125"), "孙国强")),
    ];
}
