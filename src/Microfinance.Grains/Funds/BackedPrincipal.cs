using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Servicing;

namespace Microfinance.Grains.Funds;

/// <summary>
/// The fund-backed principal outstanding on one bank's loans in a county: the sum over the pages of
/// the county's loan book, which take each loan's changes once. Held in memory by the fund account
/// and rebuilt from the pages on activation, so the fund's own row never grows with its loans.
/// </summary>
public sealed class BackedPrincipal
{
    private readonly PageReports _pages = new();

    public Money Total { get; private set; }

    /// <summary>Takes a page's figures in place of what it reported before; an older report changes nothing.</summary>
    public void Take(LoanBookTally tally)
    {
        if (_pages.Take(tally, out var previous))
        {
            Total = Total - (previous?.Figures.FundBacked ?? Money.Zero) + tally.Figures.FundBacked;
        }
    }
}
