using Microfinance.Abstractions.Servicing;
using Microfinance.Grains.Common;
using Orleans.Concurrency;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="IDueIndexGrain"/>
/// <remarks>
/// Reentrant with group commit: on a busy lending day many pages file their loans' first visits for
/// the same due date at once. Sealing happens in one turn, so a page either made the list before it
/// or is told to file for a later day; no page is left on a day already closed.
/// </remarks>
[Reentrant]
public sealed class DueIndexGrain : Grain, IDueIndexGrain
{
    private readonly WorkingCopy<DueIndexState> _state;
    private readonly GroupCommit _commit;

    public DueIndexGrain([PersistentState("duepages", GrainStorage.Name)] IPersistentState<DueIndexState> state)
    {
        _state = new WorkingCopy<DueIndexState>(state, this);
        _commit = new GroupCommit(_state.WriteAsync, DeactivateOnIdle);
    }

    /// <summary>The index grain of one county and day.</summary>
    public static string KeyOf(string county6, DateOnly day) => $"{county6}:{day:yyyy-MM-dd}";

    public async Task<bool> AddAsync(string page)
    {
        if (_state.Value.Sealed)
        {
            return false;
        }

        // Awaited even when the page is listed already: its listing may still be on its way to storage.
        _state.Value.Pages.Add(page);
        await _commit.WriteAsync();
        return true;
    }

    public async Task<IReadOnlyList<string>> SealAsync()
    {
        var pages = _state.Value.Pages.Order(StringComparer.Ordinal).ToList();
        if (!_state.Value.Sealed)
        {
            _state.Value.Sealed = true;
            await _commit.WriteAsync();
        }

        return pages;
    }
}
