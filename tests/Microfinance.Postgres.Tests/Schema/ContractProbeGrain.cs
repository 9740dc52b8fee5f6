namespace Microfinance.Postgres.Tests.Schema;

public sealed class ContractProbeGrain(
    [PersistentState("contract-probe", PostgresClusterFixture.StorageName)] IPersistentState<ContractProbeState> state,
    ILocalSiloDetails silo)
    : Grain, IContractProbeGrain, IRemindable
{
    public async Task SetValueAsync(string value)
    {
        state.State = state.State with { Value = value };
        await state.WriteStateAsync();
    }

    public Task<string?> GetValueAsync() => Task.FromResult(state.State.Value);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task<SiloAddress> GetSiloAddressAsync() => Task.FromResult(silo.SiloAddress);

    // Due and period far beyond any test run: these reminders are only ever stored, never fired.
    public Task RegisterReminderAsync(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task UnregisterReminderAsync(string name)
    {
        var reminder = await this.GetReminder(name)
            ?? throw new InvalidOperationException($"Reminder '{name}' is not registered.");
        await this.UnregisterReminder(reminder);
    }

    public async Task<IReadOnlyList<string>> ListRemindersAsync() =>
        (await this.GetReminders()).Select(reminder => reminder.ReminderName).ToList();

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
