using Microfinance.Abstractions.Servicing;
using Orleans.Concurrency;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="IDueIndexGrain"/>
[Reentrant]
public sealed class DueIndexGrain([PersistentState("dueindex", GrainStorage.Name)] IPersistentState<LoanIdSetState> state)
    : LoanIdSetGrain(state), IDueIndexGrain
{
    /// <summary>The index grain of one county and day.</summary>
    public static string KeyOf(string county6, DateOnly day) => $"{county6}:{day:yyyy-MM-dd}";
}
