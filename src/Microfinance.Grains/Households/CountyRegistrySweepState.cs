using Microfinance.Abstractions.Households;

namespace Microfinance.Grains.Households;

/// <summary>The persisted state of a county's registry sweep.</summary>
[GenerateSerializer, Alias("mf.CountyRegistrySweepState")]
public sealed class CountyRegistrySweepState
{
    /// <summary>The sweep's result; null until it has run to the end.</summary>
    [Id(0)]
    public RegistrySweep? Result { get; set; }
}
