using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;

namespace Microfinance.Testing.Dashboards;

/// <summary>
/// A watcher of a county's dashboard as a client keeps one: the last snapshot with every delta since
/// applied on top, and the deltas themselves in the order they came.
/// </summary>
public sealed class CountyDashboardReplica(ICountyDashboardGrain dashboard)
{
    public Dictionary<AdminCode, RegionQuotaUse> Quotas { get; } = [];

    public Dictionary<string, FundPosition> Funds { get; } = [];

    public Dictionary<string, Tally> Tallies { get; } = [];

    public Dictionary<string, ClaimInProgress> Claims { get; } = [];

    public SortedDictionary<DateOnly, LendingDay> Season { get; } = [];

    public bool LendingStopped { get; private set; }

    /// <summary>The county's figures, by scope.</summary>
    public IReadOnlyList<ScopeFigures> Figures { get; private set; } = [];

    public DashboardCursor? Cursor { get; private set; }

    /// <summary>How many snapshots it took: one to start, and one for each time it fell behind or the view was rebuilt.</summary>
    public int Snapshots { get; private set; }

    /// <summary>Every claim as it was shown, by a snapshot or a delta, in the order they came.</summary>
    public List<ClaimInProgress> ClaimsShown { get; } = [];

    /// <summary>Every delta applied since the last snapshot, in the order they came.</summary>
    public List<CountyDashboardDelta> Deltas { get; } = [];

    /// <summary>Polls once, waiting up to <paramref name="wait"/> for a change.</summary>
    public async Task PollAsync(TimeSpan wait)
    {
        var update = await dashboard.NextAsync(Cursor, wait);
        if (update.Snapshot is { } snapshot)
        {
            Take(snapshot);
        }

        foreach (var delta in update.Deltas)
        {
            Apply(delta);
        }
    }

    /// <summary>Polls until <paramref name="done"/> holds; fails after <paramref name="seconds"/> seconds.</summary>
    public async Task UntilAsync(Func<CountyDashboardReplica, bool> done, int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!done(this))
        {
            timeout.Token.ThrowIfCancellationRequested();
            await PollAsync(TimeSpan.FromSeconds(1));
        }
    }

    private void Take(CountyDashboard snapshot)
    {
        Snapshots++;
        Deltas.Clear();
        Quotas.Clear();
        Funds.Clear();
        Tallies.Clear();
        Claims.Clear();
        Season.Clear();
        foreach (var quota in snapshot.Quotas)
        {
            Quotas[quota.Region] = quota;
        }

        foreach (var fund in snapshot.Funds)
        {
            Funds[fund.BankCode] = fund;
        }

        foreach (var (key, tally) in snapshot.Tallies)
        {
            Tallies[key] = tally;
        }

        foreach (var claim in snapshot.Claims)
        {
            Claims[claim.LoanId] = claim;
            ClaimsShown.Add(claim);
        }

        foreach (var day in snapshot.Season)
        {
            Season[day.Day] = day;
        }

        LendingStopped = snapshot.LendingStopped;
        Figures = snapshot.Figures;
        Cursor = new DashboardCursor(snapshot.ViewId, snapshot.Revision);
    }

    private void Apply(CountyDashboardDelta delta)
    {
        if (delta.Revision != Cursor!.Revision + 1)
        {
            throw new InvalidOperationException($"Delta {delta.Revision} came after revision {Cursor.Revision}: the deltas are out of order.");
        }

        Deltas.Add(delta);
        Cursor = Cursor with { Revision = delta.Revision };
        switch (delta)
        {
            case QuotaUseDelta quotas:
                foreach (var quota in quotas.Regions)
                {
                    Quotas[quota.Region] = quota;
                }

                break;
            case FundDelta fund:
                Funds[fund.Fund.BankCode] = fund.Fund;
                break;
            case TallyDelta tally:
                Tallies[tally.Key] = tally.Figures;
                break;
            case ClaimDelta { Claim: var claim }:
                ClaimsShown.Add(claim);
                if (claim.InProgress)
                {
                    Claims[claim.LoanId] = claim;
                }
                else
                {
                    Claims.Remove(claim.LoanId);
                }

                break;
            case LendingDayDelta day:
                Season[day.Day.Day] = day.Day;
                break;
            case LendingStopDelta stop:
                LendingStopped = stop.LendingStopped;
                break;
            case FiguresDelta figures:
                Figures = figures.Figures;
                break;
        }
    }
}
