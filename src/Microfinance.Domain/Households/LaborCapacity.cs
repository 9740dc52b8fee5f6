namespace Microfinance.Domain.Households;

/// <summary>A household's labour capacity as the poverty information system records it.</summary>
public enum LaborCapacity
{
    /// <summary>技能劳动力: at least one skilled labourer.</summary>
    Skilled = 1,

    /// <summary>普通劳动力: at least one ordinary labourer.</summary>
    Ordinary = 2,

    /// <summary>弱劳动力或半劳动力: only weak or partial labour.</summary>
    Weak = 3,

    /// <summary>无劳动力: no working-age labour, which excludes the household from lending (篇1).</summary>
    None = 4,
}
