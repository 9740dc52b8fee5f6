namespace Microfinance.Domain.Regions;

/// <summary>
/// A 12-digit statistical division code (统计用区划代码) published by the National Bureau of
/// Statistics: digits 1–6 are the GB/T 2260 county-level code (province 1–2, prefecture 3–4,
/// county 5–6), digits 7–9 the township and 10–12 the village. Parsing accepts the 2-, 6-, 9- and
/// 12-digit forms and pads them with zeros to 12 digits.
/// </summary>
/// <remarks>
/// The platform allocates quotas province → county → township → village, so a prefecture-level
/// code (e.g. <c>530100</c>) is rejected rather than modelled as a level of its own. Only
/// <see cref="Parse"/> and <see cref="TryParse"/> create valid instances; <c>default</c> is not a
/// division code.
/// </remarks>
public readonly record struct AdminCode
{
    public const int Length = 12;

    private readonly string? _value;

    private AdminCode(string value, AdminLevel level)
    {
        _value = value;
        Level = level;
    }

    /// <summary>The canonical 12-digit form.</summary>
    public string Value => _value ?? "";

    public AdminLevel Level { get; }

    /// <summary>The code without its trailing zero segments: 2, 6, 9 or 12 digits by <see cref="Level"/>.</summary>
    public string ShortForm => Value[..ShortLength(Level)];

    /// <summary>The enclosing region one level up, or <c>null</c> for a province.</summary>
    public AdminCode? Parent => Level switch
    {
        AdminLevel.Province => null,
        _ => Truncate(Level - 1),
    };

    /// <summary>The province this code lies in (itself for a province).</summary>
    public AdminCode Province => Truncate(AdminLevel.Province);

    /// <summary>The county this code lies in (itself for a county).</summary>
    /// <exception cref="InvalidOperationException">This is a province code.</exception>
    public AdminCode County => Level >= AdminLevel.County
        ? Truncate(AdminLevel.County)
        : throw new InvalidOperationException($"Province code {Value} has no county.");

    /// <summary>The township this code lies in (itself for a township).</summary>
    /// <exception cref="InvalidOperationException">This is a province or county code.</exception>
    public AdminCode Township => Level >= AdminLevel.Township
        ? Truncate(AdminLevel.Township)
        : throw new InvalidOperationException($"{Level} code {Value} has no township.");

    /// <summary>
    /// Whether this region lies within <paramref name="ancestor"/> at any depth. A region lies
    /// within itself, so that a check like "is this village in the caller's area" also holds when
    /// the caller's area is that village.
    /// </summary>
    public bool IsWithin(AdminCode ancestor) =>
        ancestor.Level <= Level && Value.StartsWith(ancestor.ShortForm, StringComparison.Ordinal);

    public static bool TryParse(string? text, out AdminCode code, out string? error)
    {
        code = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "is required";
            return false;
        }

        if (trimmed.Length is not (2 or 6 or 9 or Length) || trimmed.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = "must be 2, 6, 9 or 12 digits";
            return false;
        }

        var value = trimmed.PadRight(Length, '0');
        var province = value[..2];
        var prefecture = value[2..4];
        var county = value[4..6];
        var township = value[6..9];
        var village = value[9..12];

        if (province == "00")
        {
            error = "province digits 1-2 must not be 00";
            return false;
        }

        if (county == "00" && township == "000" && village == "000")
        {
            if (prefecture != "00")
            {
                error = "prefecture-level codes are not modelled; use the county code";
                return false;
            }

            code = new AdminCode(value, AdminLevel.Province);
            error = null;
            return true;
        }

        // Townships and villages hang off a county; a "00" county would attach them to a
        // prefecture or province, which has no township list of its own in this hierarchy.
        if (county == "00")
        {
            error = "county digits 5-6 must not be 00 below county level";
            return false;
        }

        if (township == "000" && village != "000")
        {
            error = "township digits 7-9 must not be 000 in a village code";
            return false;
        }

        var level = village != "000" ? AdminLevel.Village
            : township != "000" ? AdminLevel.Township
            : AdminLevel.County;
        code = new AdminCode(value, level);
        error = null;
        return true;
    }

    /// <exception cref="FormatException"><paramref name="text"/> is not a valid division code; the message says why.</exception>
    public static AdminCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException($"Division code is invalid: {error}.");

    public override string ToString() => Value;

    private static int ShortLength(AdminLevel level) => level switch
    {
        AdminLevel.Province => 2,
        AdminLevel.County => 6,
        AdminLevel.Township => 9,
        _ => Length,
    };

    private AdminCode Truncate(AdminLevel level) =>
        new(Value[..ShortLength(level)].PadRight(Length, '0'), level);
}
