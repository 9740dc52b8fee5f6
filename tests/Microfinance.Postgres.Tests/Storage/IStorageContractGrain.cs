namespace Microfinance.Postgres.Tests.Storage;

/// <summary>Test grain keeping its state in the storage under contract test.</summary>
public interface IStorageContractGrain : IGrainWithStringKey
{
    Task SetValueAsync(string value);

    Task<string?> GetValueAsync();

    Task ClearAsync();
}
