namespace Microfinance.Domain.Regions;

/// <summary>
/// The province-level divisions of GB/T 2260 (provinces, autonomous regions, municipalities and
/// special administrative regions): every code a registered province can have. The hierarchy has
/// no root above the provinces, so whatever must visit every province visits these.
/// </summary>
public static class ProvinceCodes
{
    /// <summary>The 34 province-level codes, in code order.</summary>
    public static IReadOnlyList<AdminCode> All { get; } =
    [
        .. new[]
        {
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
            "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
        }.Select(AdminCode.Parse),
    ];
}
