namespace Microfinance.Postgres.Tests.Schema;

/// <summary>Test grain exercising the ADO.NET grain storage and reminders through Orleans itself.</summary>
public interface IContractProbeGrain : IGrainWithGuidKey
{
    Task SetValueAsync(string value);

    Task<string?> GetValueAsync();

    Task ClearAsync();

    Task<SiloAddress> GetSiloAddressAsync();

    Task RegisterReminderAsync(string name);

    Task UnregisterReminderAsync(string name);

    Task<IReadOnlyList<string>> ListRemindersAsync();
}
