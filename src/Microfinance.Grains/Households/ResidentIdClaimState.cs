namespace Microfinance.Grains.Households;

/// <summary>The persisted state of a resident-id claim.</summary>
[GenerateSerializer, Alias("mf.ResidentIdClaimState")]
public sealed class ResidentIdClaimState
{
    /// <summary>The registry number of the household the id heads, or null when unclaimed.</summary>
    [Id(0)]
    public string? ClaimedBy { get; set; }
}
