using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;

namespace Microfinance.Grains.Servicing;

/// <inheritdoc cref="ICountyBooksGrain"/>
/// <remarks>
/// Pages report to the books while a close may be visiting them, so the reporting calls interleave
/// with the close; every change is made within one turn and written through <see cref="GroupCommit"/>.
/// A reminder closes the days through yesterday every hour, catching up missed days in order.
/// </remarks>
public sealed class CountyBooksGrain : Grain, ICountyBooksGrain, IRemindable
{
    private const string DayCloseReminder = "day-close";

    private readonly WorkingCopy<CountyBooksState> _state;
    private readonly BusinessClock _clock;
    private readonly GroupCommit _commit;
    private readonly CountyTallies _tallies = new();
    private Task? _reminder;

    /// <summary>Whether this activation has asked for the county's registry sweep.</summary>
    private bool _registrySweepStarted;

    /// <summary>
    /// The NPL tolerance of the county's policy as last read: each report is held against it, and the
    /// policy is read again only when the lending stop would change. Null until first read.
    /// </summary>
    private decimal? _nplTolerance;

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

    /// <summary>Sums the pages' figures: the tallies are theirs, held here in memory only.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var tallies = await Task.WhenAll(Books.Pages.Select(page => Page(page).GetTallyAsync()));
        foreach (var tally in tallies)
        {
            _tallies.Take(tally);
        }
    }

    public async Task<CountyBooks> CloseThroughAsync(DateOnly through)
    {
        if (through >= _clock.TodayIn(County))
        {
            throw new RuleViolationException(
                "DAY_NOT_OVER", $"Business day {through:yyyy-MM-dd} is not over; days close through yesterday at the latest.");
        }

        // The first close after an upgrade starts the sweep claiming the people of households
        // registered before members were claimed; it runs once per county, beside the closes.
        if (!_registrySweepStarted)
        {
            await GrainFactory.Get<ICountyRegistrySweepGrain>(County.Value).StartAsync();
            _registrySweepStarted = true;
        }

        while (Books.LastClosed is { } last && last < through)
        {
            await CloseDayAsync(last.AddDays(1));
        }

        await UpdateLendingStopAsync(through);
        return Snapshot();
    }

    public Task<CountyBooks> GetAsync() => Task.FromResult(Snapshot());

    public Task<long> GetRevisionAsync() => Task.FromResult(_tallies.Revision);

    public async Task<DateOnly> OpenAsync(LoanBookKey page)
    {
        await (_reminder ??= this.RegisterOrUpdateReminder(DayCloseReminder, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)));
        var changed = false;
        if (Books.LastClosed is null)
        {
            // The books open on the first loan: the first close is of today's business day.
            Books.LastClosed = _clock.TodayIn(County).AddDays(-1);
            changed = true;
        }

        changed |= Books.Pages.Add(page.ToString());
        var lastClosed = Books.LastClosed.Value;
        if (changed)
        {
            await _commit.WriteAsync();
        }

        return lastClosed;
    }

    public async Task ReportAsync(LoanBookTally tally)
    {
        var now = _clock.Now;
        var changes = _tallies.Take(tally)
            .Select(key => new TallyChanged(County, now, key, _tallies.Copy(key), _tallies.Revision))
            .ToList();

        // Side by side: each event names its key and revision, so their order does not matter.
        await Task.WhenAll(changes.Select(change => this.PublishAsync(change)));

        // A back-dated disbursement or repayment moves the NPL ratio between closes: the stop follows at once.
        if (changes.Count > 0 && (_nplTolerance is not { } tolerance || (_tallies.County?.NplRatioReaches(tolerance) ?? false) != Books.StoppedForNpl))
        {
            await UpdateLendingStopAsync(_clock.TodayIn(County));
        }
    }

    public Task<IReadOnlyList<LoanBookTally>> PageTalliesAsync(string bankCode) =>
        Task.FromResult<IReadOnlyList<LoanBookTally>>(_tallies.PagesOf(bankCode));

    public Task<IReadOnlyList<string>> ListLoansAsync(string bankCode, int throughYear) =>
        ListLoansOnAsync(page => page.BankCode == bankCode && page.Year <= throughYear);

    public Task<IReadOnlyList<string>> ListLoansDisbursedInAsync(int year) => ListLoansOnAsync(page => page.Year == year);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DayCloseReminder)
        {
            await CloseThroughAsync(_clock.TodayIn(County).AddDays(-1));
        }
    }

    /// <summary>
    /// Closes the day's index to late filings and has each page listed in it visit its loans due that
    /// day: the day costs its loans' own writes plus one per page, however many loans the county has.
    /// </summary>
    private async Task CloseDayAsync(DateOnly day)
    {
        var pages = await Index(day).SealAsync();
        var visited = await Task.WhenAll(pages.Select(page => Page(page).CloseDayAsync(day)));
        Books.LastClosed = day;
        Books.LoansVisited = visited.Sum();
        await _commit.WriteAsync();
        await this.PublishAsync(new BusinessDayClosed(County, _clock.Now, day, Books.LoansVisited));
    }

    /// <summary>
    /// 监管容忍度: while the county's NPL ratio is at or above its policy's tolerance, new approvals
    /// stop; when it falls back below, they resume — unless someone stopped lending by hand.
    /// </summary>
    private async Task UpdateLendingStopAsync(DateOnly day)
    {
        var policies = GrainFactory.Get<ICountyPolicyGrain>(County.Value);
        LendingTerms terms;
        try
        {
            terms = await policies.GetLendingTermsAsync(day);
        }
        catch (RuleViolationException noPolicy) when (noPolicy.Reason == "NO_POLICY_IN_FORCE")
        {
            return;
        }

        _nplTolerance = terms.Policy.NplTolerancePercent;
        var county = _tallies.County;
        var ratio = county?.NplRatioPercent ?? 0m;
        var reached = county?.NplRatioReaches(terms.Policy.NplTolerancePercent) ?? false;
        if (reached != Books.StoppedForNpl)
        {
            await policies.SetNplStopAsync(reached, $"NPL ratio {ratio}% against a tolerance of {terms.Policy.NplTolerancePercent}% on {day:yyyy-MM-dd}");
            Books.StoppedForNpl = reached;
            await _commit.WriteAsync();
        }
    }

    private async Task<IReadOnlyList<string>> ListLoansOnAsync(Func<LoanBookKey, bool> pages)
    {
        var loans = await Task.WhenAll(Books.Pages.Select(LoanBookKey.Parse).Where(pages).Select(page => Page(page.ToString()).ListLoansAsync()));
        return [.. loans.SelectMany(ids => ids).Order(StringComparer.Ordinal)];
    }

    private IDueIndexGrain Index(DateOnly day) => GrainFactory.Get<IDueIndexGrain>(DueIndexGrain.KeyOf(County.ShortForm, day));

    private ILoanBookGrain Page(string page) => GrainFactory.Get<ILoanBookGrain>(page);

    private CountyBooks Snapshot() => new(Books.LastClosed, _tallies.Snapshot(), Books.LoansVisited, _tallies.Revision);
}
