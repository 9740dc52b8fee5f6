namespace Microfinance.Grains.Servicing;

/// <summary>The persisted state of a page of the loan book.</summary>
/// <remarks>
/// A page is one village's (or township's) loans from one bank disbursed in one year, so a few
/// hundred loans at most. A closed loan keeps its entry, so that a change it sent is recognised
/// however late it is delivered again. Stored packed (<see cref="LoanBookStateConverter"/>).
/// </remarks>
public sealed class LoanBookState
{
    /// <summary>
    /// Each loan's entry, in ordinal order of loan id: the page is packed in that order at every
    /// write, and kept so it never has to be sorted.
    /// </summary>
    public SortedDictionary<string, LoanBookEntry> Loans { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many changes the page has taken.</summary>
    public long Revision { get; set; }
}
