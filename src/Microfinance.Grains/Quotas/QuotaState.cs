using Microfinance.Domain.Finance;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Quotas;

/// <summary>A region's quota (指标): what it got from above, passed on below, and lent out itself.</summary>
[GenerateSerializer, Alias("mf.QuotaState")]
public sealed class QuotaState
{
    /// <summary>What the level above allocated.</summary>
    [Id(0)]
    public Money Allocated { get; set; }

    /// <summary>What each subregion got, by code.</summary>
    [Id(1)]
    public Dictionary<string, Money> SubregionAllocations { get; set; } = [];

    /// <summary>
    /// Loans holding quota here directly: a village's household loans, or a township's
    /// legal-person loans (its legal-person share).
    /// </summary>
    [Id(2)]
    public ReservationBook Loans { get; set; } = new();

    /// <summary>The audit trail: every allocation set here or passed on, with who, when and on which request.</summary>
    [Id(4)]
    public List<QuotaChange> Changes { get; set; } = [];

    public Money AllocatedToSubregions => new(SubregionAllocations.Values.Sum(m => m.Fen));
}
