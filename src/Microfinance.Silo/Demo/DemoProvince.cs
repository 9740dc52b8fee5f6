using Microfinance.Abstractions.LegalPersons;
using Microfinance.Domain.Households;
using Microfinance.Domain.LegalPersons;
using Microfinance.Domain.Regions;

namespace Microfinance.Silo.Demo;

/// <summary>The demo data: a province, two counties, their townships, villages and households.</summary>
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

    public static IReadOnlyList<(string CreditCode, LegalPersonProfile Profile)> LegalPersons { get; } =
    [
        ("93530124MA6K7Q2P1C", new("富民县款庄镇绿源种植专业合作社", LegalPersonKind.Cooperative, AdminCode.Parse("530124"), "何正平")),
        ("92530125MA6L0C3X1F", new("宜良县狗街镇丰收家庭农场", LegalPersonKind.FamilyFarm, AdminCode.Parse("530125"), "孙国强")),
    ];
}
