using Microfinance.Abstractions.Servicing;

namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a county's deferrals.</summary>
[GenerateSerializer, Alias("mf.CountyDeferralsState")]
public sealed class CountyDeferralsState
{
    /// <summary>Oldest first; one not <see cref="RepaymentDeferral.Completed"/> is still being applied.</summary>
    [Id(0)]
    public List<RepaymentDeferral> Deferrals { get; set; } = [];
}
