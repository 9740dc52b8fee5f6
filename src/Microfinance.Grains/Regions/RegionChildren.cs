namespace Microfinance.Grains.Regions;

/// <summary>
/// A region's children — subregion codes, or a village's households — in a row of their own: they
/// grow with the registry, and the quota, which every approval in the region writes, must not carry
/// them.
/// </summary>
[GenerateSerializer, Alias("mf.RegionChildren")]
public sealed class RegionChildren
{
    /// <summary>Child keys in ordinal order.</summary>
    [Id(0)]
    public List<string> Keys { get; set; } = [];
}
