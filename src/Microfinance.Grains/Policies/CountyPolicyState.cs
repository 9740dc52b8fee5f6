using Microfinance.Abstractions.Policies;

namespace Microfinance.Grains.Policies;

/// <summary>The persisted state of a county's policy grain.</summary>
[GenerateSerializer, Alias("mf.CountyPolicyState")]
public sealed class CountyPolicyState
{
    /// <summary>Every recorded version, oldest effective date first.</summary>
    [Id(0)]
    public List<PolicyVersionRecord> Versions { get; set; } = [];

    /// <summary>Whether new approvals are stopped, and why.</summary>
    [Id(1)]
    public string? StopReason { get; set; }

    [Id(2)]
    public bool LendingStopped { get; set; }

    /// <summary>Why day-close stopped lending for the NPL ratio, or null while it has not.</summary>
    [Id(4)]
    public string? NplStopReason { get; set; }

    /// <summary>
    /// The versions and lending stops applied lately (Id 3 held the stops' ids alone before; a
    /// version still carries its own).
    /// </summary>
    [Id(5)]
    public Common.RequestLog Requests { get; set; } = new();
}
