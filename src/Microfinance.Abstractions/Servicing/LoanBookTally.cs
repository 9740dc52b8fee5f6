namespace Microfinance.Abstractions.Servicing;

/// <summary>What one page of the loan book adds to its county's tallies.</summary>
/// <param name="Page">The page.</param>
/// <param name="Revision">How many changes the page has taken: of two reports, the higher revision is the newer.</param>
/// <param name="Figures">Its loans and outstanding principal by overdue bucket.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanBookTally")]
public sealed record LoanBookTally(
    [property: Id(0)] LoanBookKey Page,
    [property: Id(1)] long Revision,
    [property: Id(2)] Tally Figures);
