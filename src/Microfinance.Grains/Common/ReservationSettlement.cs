using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;

namespace Microfinance.Grains.Common;

/// <summary>
/// Settles with their loans the reservations a holder cannot vouch for. A holder (a household's
/// cap, a village's quota, a fund) confirms a disbursement in memory and writes it with its next
/// write, so after a silo dies a reservation may come back unconfirmed although its loan was paid
/// out; only the loan can tell. An activation therefore doubts the unconfirmed reservations it
/// loaded, and every holder doubts those past their expiry. A household also reserves for its own
/// loans in memory, so after a silo dies such a reservation may be missing altogether: it doubts
/// every loan it lists that holds nothing there, and restores what the loan says it holds.
/// </summary>
/// <remarks>
/// A loan answers at once, without waiting for anything (<see cref="ILoanGrain.GetStandingAsync"/>):
/// the loan may itself be waiting on this holder, which asks in the middle of its turn.
/// </remarks>
/// <param name="book">The holder's reservations, as loaded when the holder activated.</param>
/// <param name="grains">The loans to ask.</param>
/// <param name="countedByLoanBook">
/// Whether a disbursed loan's reservation is dropped rather than confirmed: a fund counts the
/// principal from the loan book.
/// </param>
/// <param name="borrower">The household whose cap <paramref name="book"/> is; null for any other holder.</param>
/// <param name="listedLoans">The household's loans, each listed durably before it reserved.</param>
public sealed class ReservationSettlement(
    ReservationBook book, IGrainFactory grains, bool countedByLoanBook = false, string? borrower = null, IEnumerable<string>? listedLoans = null)
{
    private static readonly LoanStanding NeverApplied = new(LoanStage.Withdrawn, "", Money.Zero, null, 0);

    private readonly HashSet<string> _loadedUnconfirmed = [.. book.Entries.Where(entry => !entry.Value.Confirmed).Select(entry => entry.Key)];

    private readonly HashSet<string> _maybeUnwritten = [.. (listedLoans ?? []).Where(loanId => !book.Entries.ContainsKey(loanId))];

    /// <summary>Whether every loan that may hold a reservation missing here has answered.</summary>
    public bool VouchesForEveryLoan => _maybeUnwritten.Count == 0;

    /// <summary>
    /// Confirms the doubtful reservations of disbursed loans, drops those of loans that will not be
    /// disbursed (a lapsed approval among them), keeps those of loans still approved, and restores
    /// those a household's loan holds but the household lost. A loan that cannot answer now keeps
    /// its reservation counting (or, when missing, keeps <see cref="VouchesForEveryLoan"/> false), and
    /// is asked again next time.
    /// </summary>
    /// <param name="now">When reservations lapse.</param>
    /// <param name="reservingFor">The loan the holder is reserving for now, which need not be asked.</param>
    /// <returns>Whether the book changed.</returns>
    public async Task<bool> SettleAsync(DateTimeOffset now, string? reservingFor = null)
    {
        // Those loaded but released or confirmed since, or holding something since, need no answer.
        _loadedUnconfirmed.RemoveWhere(loanId => !book.Entries.TryGetValue(loanId, out var entry) || entry.Confirmed);
        _maybeUnwritten.RemoveWhere(loanId => loanId == reservingFor || book.Entries.ContainsKey(loanId));
        var doubtful = _loadedUnconfirmed.Union(book.Lapsed(now)).Union(_maybeUnwritten).ToList();
        if (doubtful.Count == 0)
        {
            return false;
        }

        var standings = await Task.WhenAll(doubtful.Select(StandingOfAsync));
        var changed = false;
        foreach (var (loanId, standing) in doubtful.Zip(standings))
        {
            if (standing is null)
            {
                continue;
            }

            _loadedUnconfirmed.Remove(loanId);
            _maybeUnwritten.Remove(loanId);
            changed |= book.Entries.ContainsKey(loanId) ? Settle(loanId, standing.Stage) : Restore(loanId, standing, now);
        }

        return changed;
    }

    private bool Settle(string loanId, LoanStage stage)
    {
        if (LoanLifecycle.WasDisbursed(stage))
        {
            return countedByLoanBook ? book.Release(loanId) : book.Confirm(loanId);
        }

        return !LoanLifecycle.HoldsReservations(stage) && book.Release(loanId);
    }

    /// <summary>
    /// What a household's own loan holds, back in its book: approved, until the approval lapses;
    /// disbursed, its principal outstanding. A legal-person loan's share is written when reserved.
    /// </summary>
    private bool Restore(string loanId, LoanStanding standing, DateTimeOffset now)
    {
        if (standing.Borrower != borrower)
        {
            return false;
        }

        if (LoanLifecycle.HoldsReservations(standing.Stage) && standing.HeldUntil is { } until)
        {
            return book.Reserve(loanId, standing.Held, until, _ => { });
        }

        return LoanLifecycle.WasDisbursed(standing.Stage)
            && book.TakeOver([new TakenOverLoan(loanId, standing.Held, standing.RepaymentsRecorded)], now);
    }

    private async Task<LoanStanding?> StandingOfAsync(string loanId)
    {
        try
        {
            return await grains.Get<ILoanGrain>(loanId).GetStandingAsync();
        }
        catch (NotFoundException)
        {
            return NeverApplied;
        }
        catch (Exception failure) when (failure is not DomainException)
        {
            return null;
        }
    }
}
