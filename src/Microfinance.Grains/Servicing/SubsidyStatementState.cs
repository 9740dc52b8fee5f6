using Microfinance.Abstractions.Servicing;

namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a monthly subsidy statement.</summary>
[GenerateSerializer, Alias("mf.SubsidyStatementState")]
public sealed class SubsidyStatementState
{
    /// <summary>The statement, or null before it is first prepared.</summary>
    [Id(0)]
    public SubsidyStatement? Statement { get; set; }
}
