using Microfinance.Abstractions.Compensation;

namespace Microfinance.Grains.Compensation;

/// <summary>The persisted state of a county's claim register.</summary>
[GenerateSerializer, Alias("mf.ClaimRegisterState")]
public sealed class ClaimRegisterState
{
    /// <summary>The newest summary of each claim, by loan id.</summary>
    [Id(0)]
    public Dictionary<string, ClaimSummary> Claims { get; set; } = [];
}
