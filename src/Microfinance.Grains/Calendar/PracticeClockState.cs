using System.Collections.Immutable;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Calendar;

/// <summary>The persisted state of the practice clock.</summary>
[GenerateSerializer, Alias("mf.PracticeClockState")]
public sealed class PracticeClockState
{
    /// <summary>Days ahead of the calendar by province and county code (see <c>PracticeCalendar</c>).</summary>
    [Id(0)]
    public ImmutableDictionary<string, int> DaysAhead { get; set; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>How many changes have been made: silos follow the highest revision they are told of.</summary>
    [Id(1)]
    public long Revision { get; set; }

    [Id(2)]
    public RequestLog Requests { get; set; } = new();
}
