namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// The loans of one county with an event on one day, keyed <c>{county6}:{yyyy-MM-dd}</c>: the index
/// that makes day-close cost the day's events, not all loans.
/// </summary>
public interface IDueIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds a loan; adding it again changes nothing.</summary>
    Task AddAsync(string loanId);

    /// <summary>Adds loans in one write; those already listed change nothing.</summary>
    Task AddManyAsync(IReadOnlyCollection<string> loanIds);

    /// <summary>The day's loans.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListAsync();
}
