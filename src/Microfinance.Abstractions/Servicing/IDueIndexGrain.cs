namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// The pages of one county's loan book with a loan due a visit on one day, keyed
/// <c>{county6}:{yyyy-MM-dd}</c>: the index that makes day-close cost the day's events, not all loans.
/// </summary>
public interface IDueIndexGrain : IGrainWithStringKey
{
    /// <summary>Lists a page; false once the day's close has begun, so the page files its loan for a later day.</summary>
    Task<bool> AddAsync(string page);

    /// <summary>The day's pages, closing the index to further pages (durably) first.</summary>
    Task<IReadOnlyList<string>> SealAsync();
}
