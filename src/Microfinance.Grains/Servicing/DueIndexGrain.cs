using Microfinance.Abstractions.Servicing;
using Microfinance.Grains.Common;
using Orleans.Concurrency;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="IDueIndexGrain"/>
/// <remarks>Reentrant with group commit: a busy lending day schedules many loans onto the same day.</remarks>
[Reentrant]
public sealed class DueIndexGrain : Grain, IDueIndexGrain
{
    private readonly IPersistentState<DueIndexState> _state;
    private readonly GroupCommit _commit;

    public DueIndexGrain([PersistentState("dueindex", GrainStorage.Name)] IPersistentState<DueIndexState> state)
    {
        _state = state;
        _commit = new GroupCommit(() => _state.WriteStateAsync(), DeactivateOnIdle);
    }

    public async Task AddAsync(string loanId)
    {
        if (_state.State.LoanIds.Add(loanId))
        {
            await _commit.WriteAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. _state.State.LoanIds]);

    /// <summary>The index grain of one county and day.</summary>
    public static string KeyOf(string county6, DateOnly day) => $"{county6}:{day:yyyy-MM-dd}";
}
