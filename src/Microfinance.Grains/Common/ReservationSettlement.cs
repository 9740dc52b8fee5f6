using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Loans;

namespace Microfinance.Grains.Common;

/// <summary>
/// Settles with their loans the reservations a holder cannot vouch for. A holder (a household's
/// cap, a village's quota, a fund) confirms a disbursement in memory and writes it with its next
/// write, so after a silo dies a reservation may come back unconfirmed although its loan was paid
/// out; only the loan can tell. An activation therefore doubts the unconfirmed reservations it
/// loaded, and every holder doubts those past their expiry. Asking a loan also activates it, and a
/// loan stopped half-way through its disbursement completes it.
/// </summary>
/// <param name="book">The holder's reservations, as loaded when the holder activated.</param>
/// <param name="countedByLoanBook">
/// Whether a disbursed loan's reservation is dropped rather than confirmed: a fund counts the
/// principal from the loan book.
/// </param>
public sealed class ReservationSettlement(ReservationBook book, IGrainFactory grains, bool countedByLoanBook = false)
{
    private readonly HashSet<string> _loadedUnconfirmed = [.. book.Entries.Where(entry => !entry.Value.Confirmed).Select(entry => entry.Key)];

    /// <summary>
    /// Confirms the doubtful reservations of disbursed loans, drops those of loans that will not be
    /// disbursed, and keeps those of loans still approved. A loan that cannot be asked now keeps its
    /// reservation counting, and is asked again next time.
    /// </summary>
    /// <returns>Whether the book changed.</returns>
    public async Task<bool> SettleAsync(DateTimeOffset now)
    {
        var doubtful = _loadedUnconfirmed.Union(book.Lapsed(now)).ToList();
        if (doubtful.Count == 0)
        {
            return false;
        }

        var stages = await Task.WhenAll(doubtful.Select(StageOfAsync));
        var changed = false;
        foreach (var (loanId, stage) in doubtful.Zip(stages))
        {
            if (stage is not { } known)
            {
                continue;
            }

            _loadedUnconfirmed.Remove(loanId);
            if (LoanLifecycle.WasDisbursed(known))
            {
                changed |= countedByLoanBook ? book.Release(loanId) : book.Confirm(loanId);
            }
            else if (!LoanLifecycle.HoldsReservations(known))
            {
                changed |= book.Release(loanId);
            }
        }

        return changed;
    }

    private async Task<LoanStage?> StageOfAsync(string loanId)
    {
        // The loan may call back: completing its disbursement confirms here, and letting its
        // approval expire releases what it holds here.
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        try
        {
            return (await grains.GetGrain<ILoanGrain>(loanId).GetAsync()).Stage;
        }
        catch (NotFoundException)
        {
            // Never applied for: nothing was disbursed.
            return LoanStage.Withdrawn;
        }
        catch (Exception failure) when (failure is not DomainException)
        {
            return null;
        }
    }
}
