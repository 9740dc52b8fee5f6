using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Events;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Quotas;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Reporting;

namespace Microfinance.Grains.Dashboards;

/// <summary>
/// A county's dashboard in memory: the figures of a snapshot read from the county's grains, kept
/// current by the county's events. Tallies and disbursements come with their events; a quota, fund,
/// claim or lending stop that an event names is marked stale and read again from the grain that owns
/// it, so an event heard late or twice never puts an older figure back.
/// </summary>
public sealed class CountyDashboardView(AdminCode county, string name, int seasonYear)
{
    /// <summary>How many deltas the view keeps for watchers that fall behind.</summary>
    public const int DeltasKept = 4096;

    private readonly RegionQuotas _quotas = new();
    private readonly SortedDictionary<string, FundPosition> _funds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Revision, Tally Figures)> _tallies = [];
    private readonly SortedDictionary<string, ClaimInProgress> _claims = new(StringComparer.Ordinal);
    private readonly LendingSeason _season = new(seasonYear);
    private IReadOnlyList<ScopeFigures> _figures = [];

    public AdminCode County { get; } = county;

    public ViewLog<CountyDashboardDelta> Log { get; } = new(DeltasKept);

    /// <summary>The year whose lending the season's chart shows.</summary>
    public int SeasonYear => _season.Year;

    /// <summary>The highest books revision whose tallies the view holds.</summary>
    public long BooksRevision { get; private set; }

    public DateOnly? LastClosed { get; private set; }

    public bool LendingStopped { get; private set; }

    /// <summary>Regions whose quota an event touched, to read again.</summary>
    public HashSet<AdminCode> StaleQuotas { get; } = [];

    /// <summary>Banks whose fund account an event touched, to read again.</summary>
    public HashSet<string> StaleFunds { get; } = new(StringComparer.Ordinal);

    /// <summary>Loans whose claim took a step, to read again.</summary>
    public HashSet<string> StaleClaims { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the lending stop switched, to read again.</summary>
    public bool StaleLendingStop { get; set; }

    /// <summary>Whether a day closed since the figures were computed, to compute them again.</summary>
    public bool StaleFigures { get; set; }

    public bool HasStale => StaleQuotas.Count > 0 || StaleFunds.Count > 0 || StaleClaims.Count > 0 || StaleLendingStop;

    /// <summary>Takes what the snapshot read found; no deltas, since no watcher has seen the view yet.</summary>
    public void Load(
        IEnumerable<(string Name, QuotaPosition Quota)> regions,
        IEnumerable<FundPosition> funds,
        CountyBooks books,
        IEnumerable<ClaimInProgress> claims,
        IEnumerable<(string LoanId, string BankCode, DateOnly Day, Money Amount)> disbursements,
        bool lendingStopped,
        IReadOnlyList<ScopeFigures> figures)
    {
        _quotas.Take(regions);

        foreach (var fund in funds)
        {
            _funds[fund.BankCode] = fund;
        }

        foreach (var (key, tally) in books.Tallies)
        {
            _tallies[key] = (books.Revision, tally);
        }

        foreach (var claim in claims.Where(claim => claim.InProgress))
        {
            _claims[claim.LoanId] = claim;
        }

        foreach (var (loanId, bankCode, day, amount) in disbursements)
        {
            _season.Count(loanId, bankCode, day, amount);
        }

        BooksRevision = books.Revision;
        LastClosed = books.LastClosed;
        LendingStopped = lendingStopped;
        _figures = figures;
    }

    /// <summary>Takes one event of the county's stream.</summary>
    public void Apply(CountyEvent countyEvent)
    {
        switch (countyEvent)
        {
            case TallyChanged tally:
                TakeTally(tally);
                break;
            case LoanChanged loan:
                StaleQuotas.Add(loan.Village ?? loan.Township);
                StaleFunds.Add(loan.BankCode);
                if (loan is { Stage: LoanStage.Disbursed, DisbursedOn: { } day } && _season.Count(loan.LoanId, loan.BankCode, day, loan.PrincipalOutstanding) is { } counted)
                {
                    Append(new LendingDayDelta(counted));
                }

                break;
            case QuotaAllocated allocated:
                StaleQuotas.Add(allocated.Region);
                break;
            case RegionRegistered registered when registered.Region.Level > AdminLevel.County:
                _quotas.Register(registered.Region, registered.Name);
                StaleQuotas.Add(registered.Region);
                break;
            case FundAccountOpened opened:
                StaleFunds.Add(opened.BankCode);
                break;
            case FundEntryPosted posted:
                StaleFunds.Add(posted.FundId[(posted.FundId.IndexOf('-') + 1)..]);
                break;
            case ClaimChanged claim:
                StaleClaims.Add(claim.LoanId);
                StaleFunds.Add(claim.BankCode);
                break;
            case LendingStopChanged:
                StaleLendingStop = true;
                break;
            case BusinessDayClosed closed when LastClosed is not { } last || closed.Day > last:
                LastClosed = closed.Day;
                StaleFigures = true;
                Append(new BusinessDayDelta(closed.Day));
                break;
        }
    }

    /// <summary>Takes the quotas read again; one delta names every changed region and those above it.</summary>
    public void TakeQuotas(IEnumerable<(string Name, QuotaPosition Quota)> read)
    {
        if (_quotas.Take(read) is { Count: > 0 } changed)
        {
            Append(new QuotaUseDelta(changed));
        }
    }

    public void TakeFund(FundPosition fund)
    {
        if (!_funds.TryGetValue(fund.BankCode, out var held) || held != fund)
        {
            _funds[fund.BankCode] = fund;
            Append(new FundDelta(fund));
        }
    }

    public void TakeClaim(ClaimInProgress claim)
    {
        var held = _claims.GetValueOrDefault(claim.LoanId);
        if (held == claim || (held is null && !claim.InProgress))
        {
            return;
        }

        if (claim.InProgress)
        {
            _claims[claim.LoanId] = claim;
        }
        else
        {
            _claims.Remove(claim.LoanId);
        }

        Append(new ClaimDelta(claim));
    }

    /// <summary>Takes the figures computed again; none when the county has none (no policy in force).</summary>
    public void TakeFigures(IReadOnlyList<ScopeFigures> figures)
    {
        if (!figures.SequenceEqual(_figures))
        {
            _figures = figures;
            Append(new FiguresDelta(figures));
        }
    }

    public void TakeLendingStop(bool stopped)
    {
        if (stopped != LendingStopped)
        {
            LendingStopped = stopped;
            Append(new LendingStopDelta(stopped));
        }
    }

    public CountyDashboard Snapshot() => new(
        Log.ViewId,
        Log.Revision,
        BooksRevision,
        County,
        name,
        LastClosed,
        _quotas.All(),
        [.. _funds.Values],
        _tallies.ToDictionary(entry => entry.Key, entry => entry.Value.Figures.Copy()),
        [.. _claims.Values],
        _season.Days,
        LendingStopped,
        _figures);

    /// <summary>The county's line in the province's rankings.</summary>
    public CountyStanding Standing()
    {
        var county = _tallies.GetValueOrDefault(CountyBooks.CountyKey).Figures ?? new Tally();
        var banks = _funds.Keys
            .Union(_season.Banks)
            .Union(_tallies.Keys.Where(key => key.StartsWith(CountyBooks.BankPrefix, StringComparison.Ordinal)).Select(key => key[CountyBooks.BankPrefix.Length..]))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(BankStanding)
            .ToList();
        return new CountyStanding(
            County,
            name,
            _quotas.AllocatedTo(County),
            _season.Disbursed,
            _season.Loans,
            county.Outstanding,
            county.Overdue,
            county.NonPerforming,
            banks,
            FiguresOf(FigureScopeKind.County, County.Value));
    }

    private BankStanding BankStanding(string bankCode)
    {
        var tally = _tallies.GetValueOrDefault(CountyBooks.BankPrefix + bankCode).Figures ?? new Tally();
        var season = _season.Of(bankCode);
        return new BankStanding(
            bankCode,
            _funds.TryGetValue(bankCode, out var fund) ? fund.BankName : bankCode,
            season.Disbursed,
            season.Loans,
            tally.Outstanding,
            tally.Overdue,
            tally.NonPerforming,
            FiguresOf(FigureScopeKind.Bank, bankCode));
    }

    private ScopeFigures? FiguresOf(FigureScopeKind kind, string code) =>
        _figures.FirstOrDefault(figures => figures.Kind == kind && figures.Code == code);

    private void TakeTally(TallyChanged tally)
    {
        BooksRevision = Math.Max(BooksRevision, tally.Revision);
        if (_tallies.TryGetValue(tally.Key, out var held) && held.Revision >= tally.Revision)
        {
            return;
        }

        _tallies[tally.Key] = (tally.Revision, tally.Figures);
        Append(new TallyDelta(tally.Key, tally.Figures));
    }

    private void Append(CountyDashboardDelta delta) =>
        Log.Append(revision => delta with { Revision = revision, BooksRevision = BooksRevision });
}
