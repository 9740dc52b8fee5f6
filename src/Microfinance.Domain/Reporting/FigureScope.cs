using Microfinance.Domain.Regions;

namespace Microfinance.Domain.Reporting;

/// <summary>What one set of county figures covers: the county, one township, one village or one bank's loans.</summary>
/// <param name="Kind">Which of those.</param>
/// <param name="Code">The region's 12-digit code, or the bank code.</param>
public readonly record struct FigureScope(FigureScopeKind Kind, string Code)
{
    public static FigureScope Of(AdminCode region) => region.Level switch
    {
        AdminLevel.Village => new(FigureScopeKind.Village, region.Value),
        AdminLevel.Township => new(FigureScopeKind.Township, region.Value),
        AdminLevel.County => new(FigureScopeKind.County, region.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region.Level, "County figures go no higher than the county."),
    };

    public static FigureScope Bank(string bankCode) => new(FigureScopeKind.Bank, bankCode);
}
