namespace Microfinance.Domain.Regions;

/// <summary>
/// The levels of the statistical division code (统计用区划代码) that the platform models.
/// Prefecture-level cities (地级) are skipped: quotas flow province → county → township → village.
/// </summary>
public enum AdminLevel
{
    /// <summary>省级: digits 1–2 of the code.</summary>
    Province,

    /// <summary>县级: digits 1–6, as in GB/T 2260.</summary>
    County,

    /// <summary>乡级 (乡镇、街道): digits 1–9.</summary>
    Township,

    /// <summary>村级 (村委会、居委会): all 12 digits.</summary>
    Village,
}
