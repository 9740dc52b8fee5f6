using Microfinance.Domain.Identity;

namespace Microfinance.Api.Tests.Fuzz;

/// <summary>
/// The values a fuzzed request is made of: plausible ones (keys of the fuzz county, valid dates and
/// ids) so that requests get past the shape checks and reach the grains, and hostile ones (int64 and
/// int32 extremes, empty, huge and odd strings) that the API must refuse cleanly.
/// </summary>
public sealed class FuzzValues(Random random, FuzzCounty county)
{
    /// <summary>Amounts the outside fuzz used, and the ones around the API's bounds.</summary>
    public static readonly long[] HostileLongs =
    [
        long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1, long.MaxValue / 2, long.MaxValue / 10,
        -1, 0, 1, 100_000_000_000_000, 100_000_000_000_001, 10_000_000_000_000_000, 9_000_000_000_000_000_000,
    ];

    public static readonly int[] HostileInts = [int.MaxValue, int.MinValue, int.MaxValue - 1, -1, 0, 1, 10_000, 100_000, 1_000_000];

    private static readonly string[] HostileStrings =
    [
        "", " ", "\t\n", "\0", "测试县农村信用合作联社", "🙂🙃👨‍👩‍👧", "\u202Eabc", "\uFFFF\uFFFE", "' OR 1=1 --", "../../etc/passwd",
        "%s%n%x", "null", "-1", "9223372036854775807", "2024-02-30", "0000-00-00", "530124-", "-RCC", "ＲＣＣ", "00000000000000000000",
        new string('9', 19), new string('x', 65), new string('长', 201),
    ];

    private static readonly string[] Dates =
    [
        "2020-01-01", "2024-01-31", "2024-02-29", "2025-06-30", "0001-01-01", "9999-12-31", "1900-01-01", "2099-12-31",
    ];

    private static readonly string[] MaskPaths = ["head", "members", "category", "labor_capacity", "star_rating", "*", "household.head", "x"];

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public long HostileLong() => Chance(0.7) ? Pick(HostileLongs) : random.NextInt64(long.MinValue, long.MaxValue);

    public int HostileInt() => Chance(0.7) ? Pick(HostileInts) : random.Next(int.MinValue, int.MaxValue);

    public string HostileString() => random.Next(10) switch
    {
        0 => new string('A', random.Next(1_000, 70_000)),
        1 => new string((char)random.Next(0x20, 0xD7FF), random.Next(1, 300)),
        _ => Pick(HostileStrings),
    };

    /// <summary>A value a field of this name would hold in a request that could succeed.</summary>
    public string PlausibleString(string field) => field switch
    {
        "request_id" => Chance(0.1) ? "fuzz-repeated-request" : $"fuzz-{random.NextInt64():x}",
        "county_code" => Pick([county.County, county.County[..6]]),
        "township_code" => county.Township,
        "village_code" => county.Village,
        "province_code" => Pick(["45", "53"]),
        "parent_code" or "child_code" or "region_code" or "scope_code" or "code" =>
            Pick(["45", county.County, county.County[..6], county.Township, county.Village, county.Township[..9], county.Village + "1"]),
        "bank_code" => Pick(["RCC", "PSBC"]),
        "fund_id" => Pick([county.FundId, county.County[..6] + "-PSBC"]),
        "loan_id" => Pick([.. county.LoanIds, $"LN-FUZZ-{random.Next(50)}"]),
        "registry_number" or "driven_registry_numbers" => Pick([.. county.RegistryNumbers, $"FUZZ-{random.Next(50)}"]),
        "resident_id" => ResidentId.Compose($"45{random.Next(1000, 10000)}", new DateOnly(1950, 1, 1).AddDays(random.Next(25_000)), random.Next(1000)).Value,
        "credit_code" or "borrower" => county.CreditCode,
        "deferral_id" => Pick(["D-1", $"DEF-{random.Next(10)}"]),
        "month" => Pick(["2024-06", "2025-01", "2024-13", "0000-01"]),
        "paths" => Pick(MaskPaths),
        "page_token" => Pick(["", "MQ", "bm90LWEtdG9rZW4"]),
        _ when field.EndsWith("date", StringComparison.Ordinal) || field == "date" => Pick([.. Dates, county.Today]),
        _ => Pick(["测试", "韦志强", "购买能繁母猪", "养殖业", "ok", "A1"]),
    };

    public long PlausibleLong(string field) => field.EndsWith("_fen", StringComparison.Ordinal)
        ? Pick([100_000L, 1_000_000, 5_000_000, 50_000_000, random.NextInt64(1, 100_000_000)])
        : random.Next(0, 100);

    public int PlausibleInt(string field) => field switch
    {
        _ when field.EndsWith("_bp", StringComparison.Ordinal) => random.Next(0, 10_001),
        _ when field.EndsWith("_month", StringComparison.Ordinal) => random.Next(1, 13),
        _ when field.EndsWith("_day", StringComparison.Ordinal) => random.Next(1, 32),
        "star_rating" => random.Next(1, 6),
        "page_size" => random.Next(0, 20),
        "year" => random.Next(2019, 2027),
        "quarter" => random.Next(1, 5),
        _ => random.Next(0, 40),
    };

    /// <summary>Up to <paramref name="maxLength"/> random bytes.</summary>
    public byte[] Bytes(int maxLength)
    {
        var bytes = new byte[random.Next(maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    public int Next(int max) => random.Next(max);

    public int Next(int min, int max) => random.Next(min, max);
}
