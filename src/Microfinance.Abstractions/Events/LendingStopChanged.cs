using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>
/// One of the county's two lending stops switched: the one day-close sets while the NPL ratio is at
/// or above the policy's tolerance (监管容忍度), or the one set by hand. Either stops new approvals.
/// </summary>
/// <param name="ForNplRatio">Whether this is the NPL stop (else the stop set by hand).</param>
/// <param name="Stopped">Whether this stop is now on.</param>
/// <param name="Reason">Why it went on; null when it went off.</param>
/// <param name="LendingStopped">Whether new approvals in the county are stopped now, by either stop.</param>
[GenerateSerializer, Immutable, Alias("mf.LendingStopChanged")]
public sealed record LendingStopChanged(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] bool ForNplRatio,
    [property: Id(1)] bool Stopped,
    [property: Id(2)] string? Reason,
    [property: Id(3)] bool LendingStopped) : CountyEvent(County, OccurredAt);
