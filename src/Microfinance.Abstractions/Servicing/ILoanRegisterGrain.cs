namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// The loans one bank disbursed in one county, keyed like its fund account (<c>530124-RCC</c>): what a
/// monthly subsidy statement goes through.
/// </summary>
public interface ILoanRegisterGrain : IGrainWithStringKey
{
    /// <summary>Adds a loan; adding it again changes nothing.</summary>
    Task AddAsync(string loanId);

    /// <summary>Adds loans in one write; those already listed change nothing.</summary>
    Task AddManyAsync(IReadOnlyCollection<string> loanIds);

    /// <summary>The bank's loans in the county.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListAsync();
}
