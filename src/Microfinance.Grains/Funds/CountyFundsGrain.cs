using Microfinance.Abstractions.Funds;

namespace Microfinance.Grains.Funds;

/// <inheritdoc cref="ICountyFundsGrain"/>
/// <remarks>
/// A fund account lists itself before it is written open, so a listed bank may have no open account
/// (its opening failed): readers skip those. Accounts opened before this list existed are not on it.
/// </remarks>
public sealed class CountyFundsGrain(
    [PersistentState("countyfunds", GrainStorage.Name)] IPersistentState<CountyFundsState> state) : Grain, ICountyFundsGrain
{
    public async Task AddAsync(string bankCode)
    {
        if (state.State.Add(bankCode))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.BankCodes]);
}
