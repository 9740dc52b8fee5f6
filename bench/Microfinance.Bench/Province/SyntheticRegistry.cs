using Microfinance.Abstractions.Households;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;

namespace Microfinance.Bench.Province;

/// <summary>
/// A province's registry of households, made up but shaped like a real one, the same every run:
/// each village's households drawn from a generator seeded by the village, so any village's can be
/// made again without the others (the loader never holds the province in memory).
/// </summary>
/// <remarks>
/// Proportions assumed (after 2020 most registered households have escaped poverty):
/// <list type="bullet">
/// <item>category: escaped poverty 50%, registered poor 40%, monitored 7%, five-guarantee 3%;</item>
/// <item>labour: skilled 10%, ordinary 60%, weak 20%, none 10%;</item>
/// <item>star rating: unrated 10%, one to five stars 5%, 15%, 35%, 25%, 10%;</item>
/// <item>the head 22 to 75, most around 48; a spouse in 65% of households, a grown child in 20%.</item>
/// </list>
/// A person's resident id is unique in the province: its address code is the county's, and its
/// sequence code names the village within the county and the person within the village.
/// </remarks>
public sealed class SyntheticRegistry(ProvinceLayout layout, int households, int seed)
{
    /// <summary>Villages per county the sequence codes leave room for (8 codes each, 999 in all).</summary>
    public const int MaxVillagesPerCounty = 124;

    /// <summary>The day ages are counted to: fixed, so that every run makes the same people.</summary>
    private static readonly DateOnly AsOf = new(2026, 1, 1);

    private static readonly string[] Surnames = ["李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "段", "普", "罗", "马", "和"];

    private static readonly string[] Given = ["建", "国", "华", "明", "芳", "秀", "兰", "英", "志", "文", "永", "福", "春", "红", "海", "玉"];

    /// <summary>How many households village <paramref name="index"/> (of <see cref="ProvinceLayout.Villages"/>) holds.</summary>
    public int CountIn(int index) => households / layout.Villages.Count + (index < households % layout.Villages.Count ? 1 : 0);

    /// <summary>The 12-digit code of village <paramref name="index"/>.</summary>
    public string VillageCodeOf(int index) => layout.Villages[index].Value;

    /// <summary>The households of village <paramref name="index"/>, registry numbers <c>{village}-0001</c> on.</summary>
    public List<HouseholdRegistration> Village(int index)
    {
        var village = layout.Villages[index];
        var inCounty = index % (layout.Villages.Count / layout.Counties.Count);
        var random = new Random(HashCode.Combine(seed, index));
        var used = new HashSet<ResidentId>();
        var person = 0;
        ResidentId NewId(int age)
        {
            var born = AsOf.AddYears(-age).AddDays(-random.Next(365));
            while (true)
            {
                var id = ResidentId.Compose(village.County.Value[..6], born, (inCounty * 8) + (person % 8));
                if (used.Add(id))
                {
                    person++;
                    return id;
                }

                born = born.AddDays(1);
            }
        }

        var registered = new List<HouseholdRegistration>(CountIn(index));
        for (var n = 0; n < registered.Capacity; n++)
        {
            var headAge = 22 + random.Next(27) + random.Next(27);
            var (headName, headId) = (Name(random), NewId(headAge));
            var members = new List<HouseholdMemberRecord>();
            if (random.Next(100) < 65)
            {
                members.Add(new HouseholdMemberRecord(Name(random), NewId(Math.Max(20, headAge - 5 + random.Next(10))), Relationship.Spouse));
            }

            if (headAge >= 40 && random.Next(100) < 20)
            {
                members.Add(new HouseholdMemberRecord(Name(random), NewId(18 + random.Next(headAge - 38)), Relationship.Child));
            }

            var profile = new HouseholdProfile(headName, headId, members, Category(random), Labour(random), Stars(random));
            registered.Add(new HouseholdRegistration(RegistryNumberOf(village, n), profile));
        }

        return registered;
    }

    /// <summary>The registry number of the <paramref name="n"/>-th household (from 0) of <paramref name="village"/>.</summary>
    public static string RegistryNumberOf(AdminCode village, int n) => $"{village.Value}-{n + 1:0000}";

    private static HouseholdCategory Category(Random random) => random.Next(100) switch
    {
        < 50 => HouseholdCategory.EscapedPoverty,
        < 90 => HouseholdCategory.RegisteredPoor,
        < 97 => HouseholdCategory.Monitored,
        _ => HouseholdCategory.FiveGuarantee,
    };

    private static LaborCapacity Labour(Random random) => random.Next(100) switch
    {
        < 10 => LaborCapacity.Skilled,
        < 70 => LaborCapacity.Ordinary,
        < 90 => LaborCapacity.Weak,
        _ => LaborCapacity.None,
    };

    private static int Stars(Random random) => random.Next(100) switch
    {
        < 10 => 0,
        < 15 => 1,
        < 30 => 2,
        < 65 => 3,
        < 90 => 4,
        _ => 5,
    };

    private static string Name(Random random) =>
        Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(2) == 0 ? "" : Given[random.Next(Given.Length)]);
}
