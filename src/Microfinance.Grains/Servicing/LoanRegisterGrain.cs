using Microfinance.Abstractions.Servicing;
using Orleans.Concurrency;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="ILoanRegisterGrain"/>
[Reentrant]
public sealed class LoanRegisterGrain([PersistentState("loanregister", GrainStorage.Name)] IPersistentState<LoanIdSetState> state)
    : LoanIdSetGrain(state), ILoanRegisterGrain;
