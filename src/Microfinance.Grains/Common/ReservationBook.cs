using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Finance;

namespace Microfinance.Grains.Common;

/// <summary>
/// The loans holding part of one limit (a village's quota, a fund's headroom, a household's cap),
/// keyed by loan id so that every reserve, confirm and release is idempotent. Part of the owning
/// grain's state: the check and the change happen in one turn of that grain.
/// </summary>
/// <remarks>
/// A village's quota folds each confirmed loan into <see cref="ConfirmedTotal"/>, so its state —
/// rewritten on every change — holds only the loans in flight, not every loan it ever lent. That
/// keeps confirmation idempotent because a loan confirms only after a reservation in time (it
/// refuses to disburse a lapsed approval), so a loan confirming without an entry here has already
/// been folded in. A fund drops a disbursed loan's reservation instead: its pages of the loan book
/// count the principal. A household keeps its entries to list its loans and take each repayment
/// once (<see cref="KeepsConfirmedEntries"/>).
/// </remarks>
[GenerateSerializer, Alias("mf.ReservationBook")]
public sealed class ReservationBook
{
    /// <summary>The reservations in flight, and confirmed loans when <see cref="KeepsConfirmedEntries"/>.</summary>
    [Id(0)]
    public Dictionary<string, Reservation> Entries { get; set; } = [];

    /// <summary>Principal of confirmed loans folded out of <see cref="Entries"/>.</summary>
    [Id(1)]
    public Money ConfirmedTotal { get; set; }

    /// <summary>Whether confirmed loans stay listed in <see cref="Entries"/> rather than folded.</summary>
    [Id(2)]
    public bool KeepsConfirmedEntries { get; set; }

    /// <summary>
    /// Principal held by unconfirmed reservations, lapsed ones included: a lapsed reservation may
    /// belong to a loan disbursed while its confirmation was not yet written, so it counts until
    /// its loan settles it (<see cref="ReservationSettlement"/>).
    /// </summary>
    public Money Reserved => new(Entries.Values.Where(r => !r.Confirmed).Sum(r => r.Amount.Fen));

    /// <summary>The loans whose unconfirmed reservations expired by <paramref name="now"/>.</summary>
    public List<string> Lapsed(DateTimeOffset now) =>
        [.. Entries.Where(e => !e.Value.Confirmed && e.Value.ExpiresAt <= now).Select(e => e.Key)];

    /// <summary>Principal of confirmed loans.</summary>
    public Money Confirmed => ConfirmedTotal + new Money(Entries.Values.Where(r => r.Confirmed).Sum(r => r.Amount.Fen));

    /// <summary>Everything that counts against the limit now.</summary>
    public Money Committed => Reserved + Confirmed;

    /// <summary>
    /// Adds a reservation after <paramref name="check"/> accepted the committed total it would join.
    /// Settle lapsed reservations first, so that the room of those never disbursed is free again.
    /// </summary>
    /// <returns>False when the loan already held an entry: nothing changed.</returns>
    public bool Reserve(string loanId, Money amount, DateTimeOffset expiresAt, Action<Money> check)
    {
        if (Entries.ContainsKey(loanId))
        {
            return false;
        }

        check(Committed);
        Entries[loanId] = new Reservation(amount, expiresAt, Confirmed: false);
        return true;
    }

    /// <summary>Confirms the loan's reservation.</summary>
    /// <returns>False when it was already confirmed: nothing changed.</returns>
    public bool Confirm(string loanId)
    {
        if (!Entries.TryGetValue(loanId, out var entry) || entry.Confirmed)
        {
            return false;
        }

        if (KeepsConfirmedEntries)
        {
            Entries[loanId] = entry with { Confirmed = true };
        }
        else
        {
            ConfirmedTotal += entry.Amount;
            Entries.Remove(loanId);
        }

        return true;
    }

    /// <summary>
    /// Takes the principal a disbursed loan repaid off what it holds, once per (loan, sequence): a
    /// book that keeps its entries remembers each loan's last repayment applied.
    /// </summary>
    /// <returns>False when the repayment was already applied: nothing changed.</returns>
    public bool ApplyRepayment(string loanId, int sequence, Money principal)
    {
        RequireKeptEntries();
        if (!Entries.TryGetValue(loanId, out var entry) || !entry.Confirmed || entry.RepaymentsApplied >= sequence)
        {
            return false;
        }

        Entries[loanId] = entry with { Amount = entry.Amount - principal, RepaymentsApplied = sequence };
        return true;
    }

    /// <summary>
    /// Lists loans disbursed before the platform knew them as confirmed, unchecked: their principal
    /// is already lent. Idempotent by loan id.
    /// </summary>
    /// <returns>False when every loan was already listed: nothing changed.</returns>
    public bool TakeOver(IReadOnlyList<TakenOverLoan> loans, DateTimeOffset now)
    {
        RequireKeptEntries();
        var changed = false;
        foreach (var loan in loans)
        {
            changed |= Entries.TryAdd(loan.LoanId, new Reservation(loan.Principal, now, Confirmed: true, loan.RepaymentsApplied));
        }

        return changed;
    }

    /// <summary>Drops the loan's unconfirmed reservation.</summary>
    /// <returns>False when there was none: nothing changed.</returns>
    public bool Release(string loanId) =>
        Entries.TryGetValue(loanId, out var entry) && !entry.Confirmed && Entries.Remove(loanId);

    /// <summary>A folded book no longer knows which loan repaid what, so it cannot tell a repeat.</summary>
    private void RequireKeptEntries()
    {
        if (!KeepsConfirmedEntries)
        {
            throw new InvalidOperationException("Only a book that keeps its confirmed entries takes repayments and taken-over loans.");
        }
    }
}
