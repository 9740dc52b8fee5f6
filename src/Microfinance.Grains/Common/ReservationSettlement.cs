using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Loans;

namespace Microfinance.Grains.Common;

/// <summary>
/// Settles with their loans the reservations a holder cannot vouch for. A holder (a household's
/// cap, a village's quota, a fund) confirms a disbursement in memory and writes it with its next
/// write, so after a silo dies a reservation may come back unconfirmed although its loan was paid
/// out; only the loan can tell. An activation therefore doubts the unconfirmed reservations it
/// loaded, and every holder doubts those past their expiry. A loan answers at once, without
/// waiting for anything (<see cref="ILoanGrain.GetSettledStageAsync"/>): the loan may itself be
/// waiting on this holder, which asks in the middle of its turn.
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
    /// disbursed (a lapsed approval among them), and keeps those of loans still approved. A loan that
    /// cannot answer now keeps its reservation counting, and is asked again next time.
    /// </summary>
    /// <returns>Whether the book changed.</returns>
    public async Task<bool> SettleAsync(DateTimeOffset now)
    {
        // Those loaded but released or confirmed since need no answer any more.
        _loadedUnconfirmed.RemoveWhere(loanId => !book.Entries.TryGetValue(loanId, out var entry) || entry.Confirmed);
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
        try
        {
            return await grains.GetGrain<ILoanGrain>(loanId).GetSettledStageAsync();
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
