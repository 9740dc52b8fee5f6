using Microfinance.Abstractions.Servicing;

namespace Microfinance.Grains.Servicing;

/// <summary>
/// A county's overdue tallies as the sum of its loan-book pages' figures: held in memory by the
/// books and rebuilt from the pages on activation, so no county-wide row grows with the loans.
/// </summary>
public sealed class CountyTallies
{
    private readonly PageReports _pages = new();
    private readonly Dictionary<string, Tally> _sums = [];

    /// <summary>
    /// The sum of the pages' revisions: it only grows, and survives a restart of the books because
    /// the pages' revisions are durable.
    /// </summary>
    public long Revision { get; private set; }

    /// <summary>The county's tally, or null before any loan reported.</summary>
    public Tally? County => _sums.GetValueOrDefault(CountyBooks.CountyKey);

    /// <summary>Takes a page's figures in place of what it reported before.</summary>
    /// <returns>The keys whose tallies changed; none when the report is older than the one held.</returns>
    public IReadOnlyList<string> Take(LoanBookTally tally)
    {
        if (!_pages.Take(tally, out var previous))
        {
            return [];
        }

        var keys = KeysOf(tally.Page);
        foreach (var key in keys)
        {
            if (!_sums.TryGetValue(key, out var sum))
            {
                _sums[key] = sum = new Tally();
            }

            if (previous is not null)
            {
                sum.Add(previous.Figures, -1);
            }

            sum.Add(tally.Figures, +1);
        }

        Revision += tally.Revision - (previous?.Revision ?? 0);
        return keys;
    }

    /// <summary>The latest figures of each page of <paramref name="bankCode"/>'s loans.</summary>
    public List<LoanBookTally> PagesOf(string bankCode) => [.. _pages.Latest.Where(page => page.Page.BankCode == bankCode)];

    /// <summary>A copy of one tally, to hand out while the books go on changing theirs.</summary>
    public Tally Copy(string key) => _sums[key].Copy();

    /// <summary>A copy of every tally.</summary>
    public Dictionary<string, Tally> Snapshot() => _sums.ToDictionary(entry => entry.Key, entry => entry.Value.Copy());

    private static List<string> KeysOf(LoanBookKey page)
    {
        List<string> keys = [CountyBooks.CountyKey, CountyBooks.TownshipPrefix + page.Township.Value, CountyBooks.BankPrefix + page.BankCode];
        if (page.Village is { } village)
        {
            keys.Add(CountyBooks.VillagePrefix + village.Value);
        }

        return keys;
    }
}
