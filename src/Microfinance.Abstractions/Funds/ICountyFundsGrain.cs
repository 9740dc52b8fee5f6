namespace Microfinance.Abstractions.Funds;

/// <summary>
/// The banks a county has opened a risk-compensation fund account with, keyed by the county's 12-digit
/// code: how a dashboard finds every fund, lent against or not.
/// </summary>
public interface ICountyFundsGrain : IGrainWithStringKey
{
    /// <summary>Lists <paramref name="bankCode"/>'s fund account; listing it again changes nothing.</summary>
    Task AddAsync(string bankCode);

    /// <summary>The banks listed, in code order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> ListAsync();
}
