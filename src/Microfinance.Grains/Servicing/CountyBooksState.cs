using Microfinance.Abstractions.Servicing;

namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a county's books.</summary>
[GenerateSerializer, Alias("mf.CountyBooksState")]
public sealed class CountyBooksState
{
    /// <summary>The last business day closed; null until the first loan is scheduled.</summary>
    [Id(0)]
    public DateOnly? LastClosed { get; set; }

    [Id(1)]
    public Dictionary<string, Tally> Tallies { get; set; } = [];

    /// <summary>Deltas applied lately, by "loan:sequence", with when: a redelivered delta is applied once.</summary>
    [Id(2)]
    public Dictionary<string, DateTimeOffset> RecentDeltas { get; set; } = [];

    [Id(3)]
    public int LoansVisited { get; set; }

    /// <summary>Whether the last close stopped lending for the NPL ratio (so that it may also resume it).</summary>
    [Id(4)]
    public bool StoppedForNpl { get; set; }

    /// <summary>How many deltas the tallies have taken; numbers the tally events.</summary>
    [Id(5)]
    public long Revision { get; set; }
}
