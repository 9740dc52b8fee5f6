using Microfinance.Abstractions.Servicing;

namespace Microfinance.Grains.Servicing;

/// <summary>
/// The latest figures each page of the loan book reported. Pages report side by side, so reports
/// may arrive out of order: of two, the higher revision is the newer.
/// </summary>
public sealed class PageReports
{
    private readonly Dictionary<LoanBookKey, LoanBookTally> _latest = [];

    public IEnumerable<LoanBookTally> Latest => _latest.Values;

    /// <summary>Takes a report unless one of its revision or newer is held.</summary>
    /// <param name="replaced">The report it replaces; null for the page's first.</param>
    /// <returns>False for an older report: nothing changed.</returns>
    public bool Take(LoanBookTally tally, out LoanBookTally? replaced)
    {
        replaced = _latest.GetValueOrDefault(tally.Page);
        if (replaced is not null && replaced.Revision >= tally.Revision)
        {
            return false;
        }

        _latest[tally.Page] = tally;
        return true;
    }
}
