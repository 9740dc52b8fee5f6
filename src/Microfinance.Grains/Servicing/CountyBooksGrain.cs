using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="ICountyBooksGrain"/>
/// <remarks>
/// Loans report to the books while a close may be visiting them, so the reporting calls interleave
/// with the close; every change is made within one turn and written through <see cref="GroupCommit"/>.
/// A reminder closes the days through yesterday every hour, catching up missed days in order.
/// </remarks>
public sealed class CountyBooksGrain : Grain, ICountyBooksGrain, IRemindable
{
    private const string DayCloseReminder = "day-close";
    private const string CountyKey = "county";

    /// <summary>How long a delta is remembered: a loan redelivers within minutes.</summary>
    private static readonly TimeSpan DeltaMemory = TimeSpan.FromDays(1);

    private readonly WorkingCopy<CountyBooksState> _state;
    private readonly BusinessClock _clock;
    private readonly GroupCommit _commit;
    private bool _reminderRegistered;

    public CountyBooksGrain(
        [PersistentState("countybooks", GrainStorage.Name)] IPersistentState<CountyBooksState> state,
        BusinessClock clock)
    {
        _state = new WorkingCopy<CountyBooksState>(state, this);
        _clock = clock;
        _commit = new GroupCommit(_state.WriteAsync, DeactivateOnIdle);
    }

    private CountyBooksState Books => _state.Value;

    private AdminCode County => AdminCode.Parse(this.GetPrimaryKeyString());

    public async Task<CountyBooks> CloseThroughAsync(DateOnly through)
    {
        if (through >= _clock.Today)
        {
            throw new RuleViolationException(
                "DAY_NOT_OVER", $"Business day {through:yyyy-MM-dd} is not over; days close through yesterday at the latest.");
        }

        while (Books.LastClosed is { } last && last < through)
        {
            await CloseDayAsync(last.AddDays(1));
        }

        await UpdateLendingStopAsync(through);
        return Snapshot();
    }

    public Task<CountyBooks> GetAsync() => Task.FromResult(Snapshot());

    public async Task ApplyAsync(LoanTallyDelta delta)
    {
        ForgetOldDeltas();
        if (Apply(delta))
        {
            var changes = TallyChanges(KeysOf(delta));
            await _commit.WriteAsync();
            await PublishTalliesAsync(changes);
        }
    }

    public async Task ApplyManyAsync(IReadOnlyList<LoanTallyDelta> deltas)
    {
        ForgetOldDeltas();
        var changed = new HashSet<string>();
        foreach (var delta in deltas.Where(Apply))
        {
            changed.UnionWith(KeysOf(delta));
        }

        if (changed.Count > 0)
        {
            var changes = TallyChanges(changed);
            await _commit.WriteAsync();
            await PublishTalliesAsync(changes);
        }
    }

    public async Task ScheduleAsync(string loanId, DateOnly date)
    {
        await OpenAsync();
        await Index(VisitDay(date)).AddAsync(loanId);
    }

    public async Task ScheduleManyAsync(IReadOnlyList<ScheduledVisit> visits)
    {
        await OpenAsync();
        await AddToIndexesAsync(visits.Select(visit => (visit.LoanId, VisitDay(visit.Date))));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DayCloseReminder)
        {
            await CloseThroughAsync(_clock.Today.AddDays(-1));
        }
    }

    /// <summary>
    /// Visits the day's loans all at once, then files each under its next event date with one
    /// write per date: the day costs its loans' own writes plus a handful, however many loans the
    /// county has.
    /// </summary>
    private async Task CloseDayAsync(DateOnly day)
    {
        var loanIds = await Index(day).ListAsync();
        var results = await Task.WhenAll(loanIds.Select(id => GrainFactory.GetGrain<ILoanGrain>(id).CloseDayAsync(day)));
        ForgetOldDeltas();
        var changed = new HashSet<string>();
        foreach (var delta in results.Select(result => result.Delta).OfType<LoanTallyDelta>())
        {
            if (Apply(delta))
            {
                changed.UnionWith(KeysOf(delta));
            }
        }

        await AddToIndexesAsync(loanIds.Zip(results)
            .Where(visit => visit.Second.NextEventDate is not null)
            .Select(visit => (visit.First, visit.Second.NextEventDate!.Value)));
        Books.LastClosed = day;
        Books.LoansVisited = loanIds.Count;
        var changes = TallyChanges(changed);
        await _commit.WriteAsync();
        await PublishTalliesAsync(changes);
        await this.PublishAsync(new BusinessDayClosed(County, _clock.Now, day, loanIds.Count));
    }

    /// <summary>The books open on the first loan: the first close is of today's business day.</summary>
    private async Task OpenAsync()
    {
        await EnsureReminderAsync();
        if (Books.LastClosed is null)
        {
            Books.LastClosed = _clock.Today.AddDays(-1);
            await _commit.WriteAsync();
        }
    }

    /// <summary>A day already closed is past: a loan due a visit then is visited at the next close instead.</summary>
    private DateOnly VisitDay(DateOnly date) => date > Books.LastClosed!.Value ? date : Books.LastClosed.Value.AddDays(1);

    private Task AddToIndexesAsync(IEnumerable<(string LoanId, DateOnly Day)> visits) =>
        Task.WhenAll(visits
            .GroupBy(visit => visit.Day, visit => visit.LoanId)
            .Select(day => Index(day.Key).AddManyAsync(day.ToList())));

    private void ForgetOldDeltas()
    {
        var forgetBefore = _clock.Now - DeltaMemory;
        foreach (var old in Books.RecentDeltas.Where(d => d.Value <= forgetBefore).Select(d => d.Key).ToList())
        {
            Books.RecentDeltas.Remove(old);
        }
    }

    /// <summary>Applies a delta once (after <see cref="ForgetOldDeltas"/>); false when it was applied before.</summary>
    private bool Apply(LoanTallyDelta delta)
    {
        var now = _clock.Now;
        if (!Books.RecentDeltas.TryAdd($"{delta.LoanId}:{delta.Sequence}", now))
        {
            return false;
        }

        foreach (var key in KeysOf(delta))
        {
            var tally = Books.Tallies.TryGetValue(key, out var existing) ? existing : Books.Tallies[key] = new Tally();
            if (delta.Before is { } before)
            {
                tally.Add(before, -1);
            }

            if (delta.After is { } after)
            {
                tally.Add(after, +1);
            }
        }

        Books.Revision++;
        return true;
    }

    /// <summary>
    /// Events for the tallies under <paramref name="keys"/> as they stand: taken in the turn that
    /// changed them, before interleaving calls change them further.
    /// </summary>
    private List<TallyChanged> TallyChanges(IEnumerable<string> keys)
    {
        var now = _clock.Now;
        return [.. keys.Select(key => new TallyChanged(County, now, key, Books.Tallies[key].Copy(), Books.Revision))];
    }

    /// <summary>Publishes tally events side by side: each names its key and revision, so their order does not matter.</summary>
    private Task PublishTalliesAsync(IEnumerable<TallyChanged> changes) =>
        Task.WhenAll(changes.Select(change => this.PublishAsync(change)));

    /// <summary>
    /// 监管容忍度: while the county's NPL ratio is at or above its policy's tolerance, new approvals
    /// stop; when it falls back below, they resume — unless someone stopped lending by hand.
    /// </summary>
    private async Task UpdateLendingStopAsync(DateOnly day)
    {
        var policies = GrainFactory.GetGrain<ICountyPolicyGrain>(County.Value);
        LendingTerms terms;
        try
        {
            terms = await policies.GetLendingTermsAsync(day);
        }
        catch (RuleViolationException noPolicy) when (noPolicy.Reason == "NO_POLICY_IN_FORCE")
        {
            return;
        }

        var county = Books.Tallies.GetValueOrDefault(CountyKey);
        var ratio = county?.NplRatioPercent ?? 0m;
        var reached = county?.NplRatioReaches(terms.Policy.NplTolerancePercent) ?? false;
        if (reached != Books.StoppedForNpl)
        {
            await policies.SetNplStopAsync(reached, $"NPL ratio {ratio}% against a tolerance of {terms.Policy.NplTolerancePercent}% on {day:yyyy-MM-dd}");
            Books.StoppedForNpl = reached;
            await _commit.WriteAsync();
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(DayCloseReminder, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
            _reminderRegistered = true;
        }
    }

    private IEnumerable<string> KeysOf(LoanTallyDelta delta)
    {
        yield return CountyKey;
        yield return $"township:{delta.Township.Value}";
        if (delta.Village is { } village)
        {
            yield return $"village:{village.Value}";
        }

        yield return $"bank:{delta.BankCode}";
    }

    private IDueIndexGrain Index(DateOnly day) => GrainFactory.GetGrain<IDueIndexGrain>(DueIndexGrain.KeyOf(County.ShortForm, day));

    /// <summary>
    /// A copy of the tallies: the books pass it on as immutable (not copied by Orleans), while
    /// interleaving calls keep changing their own.
    /// </summary>
    private CountyBooks Snapshot() => new(
        Books.LastClosed,
        Books.Tallies.ToDictionary(entry => entry.Key, entry => entry.Value.Copy()),
        Books.LoansVisited,
        Books.Revision);
}
