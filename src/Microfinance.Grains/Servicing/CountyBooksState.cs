namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a county's books: the business date and the pages of its loan book.</summary>
/// <remarks>
/// The tallies are not here: they are the sum of the pages (<see cref="CountyTallies"/>). Ids 1, 2
/// and 5 held them, and the deltas applied lately, before the pages did.
/// </remarks>
[GenerateSerializer, Alias("mf.CountyBooksState")]
public sealed class CountyBooksState
{
    /// <summary>The last business day closed; null until the first loan is filed.</summary>
    [Id(0)]
    public DateOnly? LastClosed { get; set; }

    [Id(3)]
    public int LoansVisited { get; set; }

    /// <summary>Whether the last close stopped lending for the NPL ratio (so that it may also resume it).</summary>
    [Id(4)]
    public bool StoppedForNpl { get; set; }

    /// <summary>
    /// The pages of the county's loan book, by key: a few per village and year (one per bank), written
    /// when a page takes its first loan.
    /// </summary>
    [Id(6)]
    public HashSet<string> Pages { get; set; } = [];
}
