using Microfinance.Abstractions.Servicing;
using Microfinance.Grains.Common;
using Orleans.Concurrency;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="ILoanRegisterGrain"/>
/// <remarks>Reentrant with group commit: every disbursement of the bank in the county adds to it.</remarks>
[Reentrant]
public sealed class LoanRegisterGrain : Grain, ILoanRegisterGrain
{
    private readonly IPersistentState<LoanRegisterState> _state;
    private readonly GroupCommit _commit;

    public LoanRegisterGrain([PersistentState("loanregister", GrainStorage.Name)] IPersistentState<LoanRegisterState> state)
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

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. _state.State.LoanIds.Order(StringComparer.Ordinal)]);
}
