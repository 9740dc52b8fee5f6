namespace Microfinance.Postgres.Tests.Storage;

public sealed class StorageContractGrain(
    [PersistentState(StorageContractGrain.StateName, GrainStorageContractFixture.StorageName)]
    IPersistentState<StorageContractState> state)
    : Grain, IStorageContractGrain
{
    public const string StateName = "storage-contract";

    public async Task SetValueAsync(string value)
    {
        state.State = state.State with { Value = value };
        await state.WriteStateAsync();
    }

    public Task<string?> GetValueAsync() => Task.FromResult(state.State.Value);

    public Task ClearAsync() => state.ClearStateAsync();
}
