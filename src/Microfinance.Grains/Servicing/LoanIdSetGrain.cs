using Microfinance.Grains.Common;

namespace Microfinance.Grains.Servicing;

/// <summary>
/// A durable set of loan ids that many loans add to at once: reentrant, with group commit, so a
/// busy day shares writes. Each kind of set is its own grain type with its own state name.
/// </summary>
public abstract class LoanIdSetGrain : Grain
{
    private readonly WorkingCopy<LoanIdSetState> _state;
    private readonly GroupCommit _commit;

    protected LoanIdSetGrain(IPersistentState<LoanIdSetState> state)
    {
        _state = new WorkingCopy<LoanIdSetState>(state, this);
        _commit = new GroupCommit(_state.WriteAsync, DeactivateOnIdle);
    }

    public async Task AddAsync(string loanId)
    {
        if (_state.Value.LoanIds.Add(loanId))
        {
            await _commit.WriteAsync();
        }
    }

    public async Task AddManyAsync(IReadOnlyCollection<string> loanIds)
    {
        var added = false;
        foreach (var loanId in loanIds)
        {
            added |= _state.Value.LoanIds.Add(loanId);
        }

        if (added)
        {
            await _commit.WriteAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. _state.Value.LoanIds.Order(StringComparer.Ordinal)]);
}
