using Microfinance.Abstractions.Servicing;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a monthly subsidy statement.</summary>
[GenerateSerializer, Alias("mf.SubsidyStatementState")]
public sealed class SubsidyStatementState
{
    /// <summary>The statement, or null before it is first prepared.</summary>
    [Id(0)]
    public SubsidyStatement? Statement { get; set; }

    /// <summary>The preparations and approvals applied lately, so that a retry is not applied again.</summary>
    [Id(1)]
    public RequestLog Requests { get; set; } = new();
}
