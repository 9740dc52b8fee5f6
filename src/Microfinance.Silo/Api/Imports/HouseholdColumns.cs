using Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Imports;

/// <summary>
/// The columns of the poverty information system's household export, and the words its cells use.
/// The README lists them for the people who prepare the files.
/// </summary>
public static class HouseholdColumns
{
    public static readonly ImportColumn RegistryNumber = new("档案编号", "registry_number");
    public static readonly ImportColumn VillageCode = new("村代码", "village_code");
    public static readonly ImportColumn HeadName = new("户主姓名", "head_name");
    public static readonly ImportColumn HeadResidentId = new("户主身份证号", "head_resident_id");
    public static readonly ImportColumn Category = new("户类型", "category");
    public static readonly ImportColumn LaborCapacity = new("劳动能力", "labor_capacity");
    public static readonly ImportColumn StarRating = new("星级", "star_rating", Required: false);
    public static readonly ImportColumn CreditHousehold = new("信用户", "credit_household", Required: false);
    public static readonly ImportColumn Members = new("家庭成员", "members", Required: false);

    public static IReadOnlyList<ImportColumn> All { get; } =
        [RegistryNumber, VillageCode, HeadName, HeadResidentId, Category, LaborCapacity, StarRating, CreditHousehold, Members];

    public static readonly IReadOnlyDictionary<string, HouseholdCategory> Categories = new Dictionary<string, HouseholdCategory>(StringComparer.OrdinalIgnoreCase)
    {
        ["建档立卡贫困户"] = HouseholdCategory.RegisteredPoor,
        ["registered_poor"] = HouseholdCategory.RegisteredPoor,
        ["脱贫户"] = HouseholdCategory.EscapedPoverty,
        ["escaped_poverty"] = HouseholdCategory.EscapedPoverty,
        ["监测对象"] = HouseholdCategory.Monitored,
        ["monitored"] = HouseholdCategory.Monitored,
        ["五保户"] = HouseholdCategory.FiveGuarantee,
        ["five_guarantee"] = HouseholdCategory.FiveGuarantee,
    };

    public static readonly IReadOnlyDictionary<string, LaborCapacity> LaborCapacities = new Dictionary<string, LaborCapacity>(StringComparer.OrdinalIgnoreCase)
    {
        ["技能劳动力"] = Microfinance.Api.V1.LaborCapacity.Skilled,
        ["skilled"] = Microfinance.Api.V1.LaborCapacity.Skilled,
        ["普通劳动力"] = Microfinance.Api.V1.LaborCapacity.Ordinary,
        ["ordinary"] = Microfinance.Api.V1.LaborCapacity.Ordinary,
        ["弱劳动力或半劳动力"] = Microfinance.Api.V1.LaborCapacity.Weak,
        ["弱劳动力"] = Microfinance.Api.V1.LaborCapacity.Weak,
        ["半劳动力"] = Microfinance.Api.V1.LaborCapacity.Weak,
        ["weak"] = Microfinance.Api.V1.LaborCapacity.Weak,
        ["无劳动力"] = Microfinance.Api.V1.LaborCapacity.None,
        ["none"] = Microfinance.Api.V1.LaborCapacity.None,
    };

    public static readonly IReadOnlyDictionary<string, Relationship> Relationships = new Dictionary<string, Relationship>(StringComparer.OrdinalIgnoreCase)
    {
        ["配偶"] = Relationship.Spouse,
        ["spouse"] = Relationship.Spouse,
        ["子女"] = Relationship.Child,
        ["child"] = Relationship.Child,
        ["父母"] = Relationship.Parent,
        ["parent"] = Relationship.Parent,
        ["孙子女"] = Relationship.Grandchild,
        ["grandchild"] = Relationship.Grandchild,
        ["其他"] = Relationship.Other,
        ["other"] = Relationship.Other,
    };

    /// <summary>The Chinese word the export writes for <paramref name="value"/>: the first of <paramref name="words"/> that names it.</summary>
    public static string ChineseWordOf<T>(IReadOnlyDictionary<string, T> words, T value)
        where T : struct, Enum =>
        words.First(entry => EqualityComparer<T>.Default.Equals(entry.Value, value) && !entry.Key.All(char.IsAscii)).Key;

    /// <summary>A yes in the credit-household column; anything else but a no or an empty cell is refused.</summary>
    public static readonly IReadOnlySet<string> Yes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "是", "yes", "true", "1", "Y" };

    public static readonly IReadOnlySet<string> No = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "否", "no", "false", "0", "N", "" };
}
