namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// A county's loan books: its business date, the day-close (日终) and the overdue tallies per
/// village, township, bank and county. Keyed by the county's 12-digit code.
/// </summary>
/// <remarks>
/// The tallies are the sum of the county's loan-book pages (<see cref="ILoanBookGrain"/>), which
/// keep each loan's part durably; the books keep only which pages exist and the business date.
/// </remarks>
public interface ICountyBooksGrain : IGrainWithStringKey
{
    /// <summary>
    /// Closes every business day after the last closed one through <paramref name="through"/>, in
    /// order: visits the loans with an event that day, applies their changes to the tallies, and
    /// stops new lending while the county's NPL ratio is at or above its policy tolerance.
    /// </summary>
    Task<CountyBooks> CloseThroughAsync(DateOnly through);

    /// <summary>The tallies as they stand.</summary>
    [AlwaysInterleave]
    Task<CountyBooks> GetAsync();

    /// <summary>The tallies' revision (<see cref="CountyBooks.Revision"/>): how a dashboard checks it heard every change.</summary>
    [AlwaysInterleave]
    Task<long> GetRevisionAsync();

    /// <summary>
    /// Lists a page of the loan book (durably, the first time) and opens the books on the first
    /// page: their first close is of today's business day.
    /// </summary>
    /// <returns>The last business day closed: a loan due a visit on or before it is visited at the next close.</returns>
    [AlwaysInterleave]
    Task<DateOnly> OpenAsync(LoanBookKey page);

    /// <summary>Takes a page's figures after a durable change; an older revision than the one held changes nothing.</summary>
    [AlwaysInterleave]
    Task ReportAsync(LoanBookTally tally);

    /// <summary>The figures of the pages of <paramref name="bankCode"/>'s loans: what its fund account backs.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<LoanBookTally>> PageTalliesAsync(string bankCode);

    /// <summary>The loans <paramref name="bankCode"/> disbursed in the county up to the end of <paramref name="throughYear"/>.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListLoansAsync(string bankCode, int throughYear);

    /// <summary>The loans every bank disbursed in the county in <paramref name="year"/>.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListLoansDisbursedInAsync(int year);
}
