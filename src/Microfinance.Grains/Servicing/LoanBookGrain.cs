using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Grains.Common;
using Orleans.Concurrency;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="ILoanBookGrain"/>
/// <remarks>
/// Reentrant with group commit: the page's loans report while a close visits them, and every change
/// is made within one turn. The figures are derived from the entries, never stored apart from them.
/// A loan is listed in the county's due-date index under its next visit before the entry saying so
/// is written, so a durable visit is always found by its day's close.
/// </remarks>
[Reentrant]
public sealed class LoanBookGrain : Grain, ILoanBookGrain
{
    private readonly WorkingCopy<LoanBookState> _state;
    private readonly GroupCommit _commit;
    private readonly BusinessClock _clock;
    private readonly Tally _figures = new();

    /// <summary>Days this page is listed under in the due-date index and whose close has not reached it.</summary>
    private readonly HashSet<DateOnly> _listedDays = [];

    /// <summary>The last business day closed, as far as this activation has heard; null until it asks.</summary>
    private DateOnly? _lastClosed;

    /// <summary>The page's key, parsed once: every call needs it.</summary>
    private LoanBookKey? _key;

    public LoanBookGrain(
        [PersistentState("loanbook", GrainStorage.Name)] IPersistentState<LoanBookState> state,
        BusinessClock clock)
    {
        _state = new WorkingCopy<LoanBookState>(state, this);
        _commit = new GroupCommit(_state.WriteAsync, DeactivateOnIdle);
        _clock = clock;
    }

    private LoanBookState Page => _state.Value;

    private LoanBookKey Key => _key ??= LoanBookKey.Parse(this.GetPrimaryKeyString());

    private ICountyBooksGrain Books => GrainFactory.Get<ICountyBooksGrain>(Key.County.Value);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Page.Loans.Values)
        {
            if (entry.Contribution is { } contribution)
            {
                _figures.Add(contribution, +1);
            }

            if (entry.NextVisit is { } day)
            {
                _listedDays.Add(day);
            }
        }

        return Task.CompletedTask;
    }

    public async Task RecordAsync(IReadOnlyList<LoanTallyDelta> deltas, IReadOnlyList<ScheduledVisit> visits)
    {
        _lastClosed ??= await Books.OpenAsync(Key);
        var days = await ListForVisitsAsync(visits.Select(visit => visit.Date));
        var applied = deltas.Count(Apply);
        var moved = visits.Count(visit => Visit(visit.LoanId, days[visit.Date]));
        await SaveAsync(applied, moved > 0);
    }

    public async Task<int> CloseDayAsync(DateOnly day)
    {
        // From here on a visit filed for this day or before goes to a later day.
        _lastClosed = _lastClosed is { } known && known > day ? known : day;
        _listedDays.RemoveWhere(listed => listed <= day);

        var due = Page.Loans.Where(entry => entry.Value.NextVisit <= day).Select(entry => entry.Key).ToList();
        var results = await Task.WhenAll(due.Select(loanId => GrainFactory.Get<ILoanGrain>(loanId).CloseDayAsync(day)));
        var days = await ListForVisitsAsync(results.Select(result => result.NextEventDate).OfType<DateOnly>());
        var applied = results.Select(result => result.Delta).OfType<LoanTallyDelta>().Count(Apply);
        foreach (var (loanId, result) in due.Zip(results))
        {
            var entry = Page.Loans[loanId];
            var next = result.NextEventDate is { } date ? days[date] : (DateOnly?)null;

            // A visit filed while this one ran (a repayment curing arrears) stands if it comes first.
            Page.Loans[loanId] = entry with { NextVisit = entry.NextVisit > day && (next is null || entry.NextVisit < next) ? entry.NextVisit : next };
        }

        await SaveAsync(applied, due.Count > 0);
        return due.Count;
    }

    public Task<LoanBookTally> GetTallyAsync() => Task.FromResult(Tally());

    public Task<IReadOnlyList<string>> ListLoansAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. Page.Loans.Keys]);

    /// <summary>Applies a loan's change once: false when its sequence was taken before, however long ago.</summary>
    private bool Apply(LoanTallyDelta delta)
    {
        var entry = Page.Loans.GetValueOrDefault(delta.LoanId);
        if (entry is not null && entry.Sequence >= delta.Sequence)
        {
            return false;
        }

        // The entry's own contribution, not the delta's "before", is what the figures hold of the loan.
        if (entry?.Contribution is { } before)
        {
            _figures.Add(before, -1);
        }

        if (delta.After is { } after)
        {
            _figures.Add(after, +1);
        }

        Page.Loans[delta.LoanId] = (entry ?? new LoanBookEntry(0, null, null)) with { Sequence = delta.Sequence, Contribution = delta.After };
        Page.Revision++;
        return true;
    }

    /// <summary>Moves the loan's next visit to <paramref name="day"/> if that comes first; false when nothing changed.</summary>
    private bool Visit(string loanId, DateOnly day)
    {
        var entry = Page.Loans.GetValueOrDefault(loanId) ?? new LoanBookEntry(0, null, null);
        if (entry.NextVisit is { } next && next > _lastClosed && next <= day)
        {
            return false;
        }

        Page.Loans[loanId] = entry with { NextVisit = day };
        return true;
    }

    /// <summary>
    /// Lists the page in the due-date index for each date, or the first day after it still open;
    /// the days returned are all still open when the caller goes on in the same turn.
    /// </summary>
    private async Task<Dictionary<DateOnly, DateOnly>> ListForVisitsAsync(IEnumerable<DateOnly> dates)
    {
        var wanted = dates.Distinct().ToList();
        while (true)
        {
            var days = new Dictionary<DateOnly, DateOnly>();
            foreach (var date in wanted)
            {
                days[date] = await ListForVisitAsync(date);
            }

            // A close may have passed a day while the listing awaited: list again for a later one.
            if (days.Values.All(day => day > _lastClosed))
            {
                return days;
            }
        }
    }

    private async Task<DateOnly> ListForVisitAsync(DateOnly date)
    {
        if (date <= _clock.TodayIn(Key.County))
        {
            // A day already closed is past: the loan is visited at the next close instead.
            _lastClosed = await Books.OpenAsync(Key);
        }

        var day = date > _lastClosed ? date : _lastClosed!.Value.AddDays(1);
        while (!_listedDays.Contains(day))
        {
            if (await Index(day).AddAsync(this.GetPrimaryKeyString()))
            {
                _listedDays.Add(day);
            }
            else
            {
                day = day.AddDays(1);
            }
        }

        return day;
    }

    private async Task SaveAsync(int applied, bool visitsMoved)
    {
        if (applied == 0 && !visitsMoved)
        {
            return;
        }

        // Taken in the turn of the change: later turns change the figures further.
        var tally = Tally();
        await _commit.WriteAsync();
        if (applied > 0)
        {
            // Awaited: a loan drops its fund reservation only once the fund counts its principal here.
            var fund = GrainFactory.Get<IFundAccountGrain>(FundAccountId.For(Key.County, Key.BankCode));
            await Task.WhenAll(Books.ReportAsync(tally), fund.ReportAsync(tally));
        }
    }

    private LoanBookTally Tally() => new(Key, Page.Revision, _figures.Copy());

    private IDueIndexGrain Index(DateOnly day) =>
        GrainFactory.Get<IDueIndexGrain>(DueIndexGrain.KeyOf(Key.County.ShortForm, day));
}
