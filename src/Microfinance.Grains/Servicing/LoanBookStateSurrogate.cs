namespace Microfinance.Grains.Servicing;

/// <summary>The storage form of a page of the loan book: its entries packed into one byte string.</summary>
/// <remarks>
/// Pages stored before packing hold their entries in <see cref="Loans"/> (the fields keep the ids
/// the page's state had then); such a page is read from there and written packed from its next change.
/// </remarks>
[GenerateSerializer, Alias("mf.LoanBookState")]
public struct LoanBookStateSurrogate
{
    [Id(0)]
    public Dictionary<string, LoanBookEntry>? Loans;

    [Id(1)]
    public long Revision;

    [Id(2)]
    public byte[]? Packed;
}
