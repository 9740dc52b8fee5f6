using System.Diagnostics;
using System.Globalization;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Bench.Measurement;
using Microfinance.Bench.Platforms;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;

namespace Microfinance.Bench.DayClose;

/// <summary>
/// One day-close measurement: a fresh database, the platform's silos, a province whose banks'
/// existing loan books are imported (not timed), then the measured day closed in every county at
/// once, the quiet day after it likewise, and the tallies checked against the book.
/// </summary>
public sealed class DayCloseBenchmark(DayCloseOptions options)
{
    private const int RegistrationParallelism = 64;

    // PostgreSQL 15 backends report their statistics at most once a second while busy, and within
    // 10 s once idle: without the wait, a close would be charged the import's last commits.
    private static readonly TimeSpan StatisticsDelay = TimeSpan.FromSeconds(11);

    public async Task<DayCloseOutcome> RunAsync(CancellationToken ct)
    {
        var day = options.Day;
        var importDay = day.AddDays(-1);
        var quietDay = day.AddDays(1);
        Console.WriteLine();
        Console.WriteLine($"=== day-close: {options.Loans:N0} active loans in {options.Counties} counties, "
            + $"{options.EventLoans:N0} with an event on {day:yyyy-MM-dd} ===");

        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, options.KeepDatabase, null, ct);
        var settings = await database.ReadSettingsAsync(ct);
        Console.WriteLine($"PostgreSQL {settings.Version}, database {database.Name}, max_connections {settings.MaxConnections}");
        Console.WriteLine($"SHOW fsync: {settings.Fsync}   SHOW synchronous_commit: {settings.SynchronousCommit}   wal_sync_method: {settings.WalSyncMethod}");
        if (!settings.Durable)
        {
            Console.WriteLine("WARNING: durability is OFF on this server; these figures do not count.");
        }

        var time = new BenchBusinessTime(importDay);
        var started = Stopwatch.GetTimestamp();
        await using var platform = await GrainPlatform.StartAsync(database.SiloConnectionString, options.Silos, options.Storage, ct, time);
        Console.WriteLine($"platform: {platform.Description}, started in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; "
            + $"business date {importDay:yyyy-MM-dd} (the import day)");

        var layout = new ProvinceLayout(options.Counties, options.TownshipsPerCounty, options.VillagesPerTownship);
        started = Stopwatch.GetTimestamp();
        await ProvinceSetup.RunAsync(platform.Grains, layout, ct);
        Console.WriteLine($"setup (not timed): {layout}, a \"5321\" policy per county, in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        var households = await RegisterHouseholdsAsync(platform.Grains, layout, ct);
        var (expected, outstanding) = await ImportBookAsync(platform.Grains, households, ct);

        // The import day closes first, as the next morning's close would: nothing is due a visit on it.
        time.MoveTo(day);
        var first = await CloseAsync(platform.Grains, layout, importDay);
        Console.WriteLine($"close of the import day {importDay:yyyy-MM-dd} (not timed): {first.Visited} loans visited, "
            + $"{first.Wall.TotalMilliseconds:F0} ms");

        var busy = await MeasureAsync(database, platform.Grains, layout, time, day, options.EventLoans, "the measured day", ct);
        var quiet = await MeasureAsync(database, platform.Grains, layout, time, quietDay, 0, "the day after, with no events", ct);

        var consistent = await CheckAsync(platform.Grains, layout, expected, outstanding);
        return new DayCloseOutcome(busy, quiet, consistent);
    }

    /// <summary>Enough households for the book, registered through the grains as the registry API would.</summary>
    private async Task<IReadOnlyList<BenchHousehold>> RegisterHouseholdsAsync(IGrainFactory grains, ProvinceLayout layout, CancellationToken ct)
    {
        var count = (options.Loans + options.LoansPerHousehold - 1) / options.LoansPerHousehold;
        var registrar = new HouseholdRegistrar(grains, layout);
        var registered = new BenchHousehold[count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = RegistrationParallelism, CancellationToken = ct },
            async (index, _) => registered[index] = await registrar.RegisterAsync());
        var took = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"households (not timed): {count:N0} registered in {took.TotalSeconds:F1} s ({count / took.TotalSeconds:F0}/s)");

        // Registered in parallel, so in no fixed order; by registry number the book is the same every run.
        return [.. registered.OrderBy(household => household.RegistryNumber, StringComparer.Ordinal)];
    }

    /// <summary>Builds the banks' loan book and imports it; keeps only what the check needs, so the closes do not carry it.</summary>
    private async Task<(IReadOnlyDictionary<OverdueBucket, int> Expected, Money Outstanding)> ImportBookAsync(
        IGrainFactory grains, IReadOnlyList<BenchHousehold> households, CancellationToken ct)
    {
        var book = BenchLoanBook.Build(households, options.LoansPerHousehold, options.Loans, options.EventLoans, options.Day, options.Seed);
        await new LoanBookLoader(grains, options.BatchSize, options.ParallelBatches).ImportAsync(book.Loans, "import (not timed)", ct);
        return (book.ExpectedAfterDay, book.Outstanding);
    }

    /// <summary>
    /// Ends <paramref name="day"/> and closes it everywhere at once. The business date moves on only
    /// just before the close: each county's hourly reminder closes the days that are over too, and
    /// one firing in between would do part of the measured work before the clock starts.
    /// </summary>
    private async Task<CloseMeasurement> MeasureAsync(
        BenchDatabase database,
        IGrainFactory grains,
        ProvinceLayout layout,
        BenchBusinessTime time,
        DateOnly day,
        int expected,
        string what,
        CancellationToken ct)
    {
        // The run's own garbage (the loan book, the setup's calls) goes before the clock starts.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        await Task.Delay(StatisticsDelay, ct);
        var before = await database.ReadCountersAsync(ct);
        var cpuBefore = CpuSample.Take();

        time.MoveTo(day.AddDays(1));
        var close = await CloseAsync(grains, layout, day);

        var cpu = CpuSample.Take().DescribeSince(cpuBefore);
        await Task.Delay(StatisticsDelay, ct);
        var after = await database.ReadCountersAsync(ct);

        Console.WriteLine();
        Console.WriteLine($"day-close of {day:yyyy-MM-dd}, {what}: all {layout.Counties.Count} counties at once");
        Line("day-close wall time", $"{close.Wall.TotalMilliseconds:F0} ms");
        Line("loans visited", $"{close.Visited:N0}" + (close.Visited == expected ? "" : $"  [EXPECTED {expected:N0}]"));
        Line("loans/s", close.LoansPerSecond.ToString("F0", CultureInfo.InvariantCulture));
        Line("counties done", $"half by {close.MedianCounty.TotalMilliseconds:F0} ms, the last at {close.SlowestCounty.TotalMilliseconds:F0} ms");
        var writes = after.WritesSince(before).Where(entry => entry.Value > 0).OrderByDescending(entry => entry.Value);
        Line("grain-state writes", string.Join(", ", writes.Select(entry => $"{entry.Key} {entry.Value:N0}")) is { Length: > 0 } listed ? listed : "none");
        Line("PostgreSQL commits", $"{after.Commits - before.Commits:N0} (xact_commit: writes, state reads, membership)");
        Line("WAL flushes", $"{after.WalSyncs - before.WalSyncs:N0} (whole server, {StatisticsDelay.TotalSeconds * 2:F0} s of idle waits included)");
        Line("CPU", cpu);
        return close;
    }

    /// <summary>Closes <paramref name="day"/> in every county at once, as each county's reminder (or an operator) would.</summary>
    private static async Task<CloseMeasurement> CloseAsync(IGrainFactory grains, ProvinceLayout layout, DateOnly day)
    {
        var started = Stopwatch.GetTimestamp();
        var closes = await Task.WhenAll(layout.Counties.Select(async county =>
        {
            var books = await grains.Get<ICountyBooksGrain>(county.Value).CloseThroughAsync(day);
            return (Books: books, Done: Stopwatch.GetElapsedTime(started));
        }));
        var wall = Stopwatch.GetElapsedTime(started);
        if (closes.FirstOrDefault(close => close.Books.LastClosed != day) is { Books: not null } behind)
        {
            Console.WriteLine($"  a county's books stand at {behind.Books.LastClosed:yyyy-MM-dd}, not {day:yyyy-MM-dd}");
        }

        var done = closes.Select(close => close.Done).Order().ToList();
        return new CloseMeasurement(day, wall, closes.Sum(close => close.Books.LoansVisited), done[^1], done[done.Count / 2]);
    }

    /// <summary>The counties' tallies, summed, against what the book says every loan's bucket must now be.</summary>
    private static async Task<bool> CheckAsync(
        IGrainFactory grains, ProvinceLayout layout, IReadOnlyDictionary<OverdueBucket, int> expectedAfterDay, Money bookOutstanding)
    {
        var books = await Task.WhenAll(layout.Counties.Select(county => grains.Get<ICountyBooksGrain>(county.Value).GetAsync()));
        var counties = books.Select(county => county.Tallies.GetValueOrDefault("county")).OfType<Tally>().ToList();
        var differences = new List<string>();
        foreach (var (bucket, expected) in expectedAfterDay)
        {
            var found = counties.Sum(county => county.Loans.GetValueOrDefault(bucket));
            if (found != expected)
            {
                differences.Add($"{bucket}: {found:N0} loans tallied, the book says {expected:N0}");
            }
        }

        var outstanding = counties.Sum(county => county.Outstanding.Fen);
        if (outstanding != bookOutstanding.Fen)
        {
            differences.Add($"outstanding {outstanding / 100m:N2} yuan tallied, the book says {bookOutstanding.Yuan:N2}");
        }

        Console.WriteLine();
        Console.WriteLine(differences.Count == 0
            ? $"consistency: OK (every county's tallies by bucket — "
                + string.Join(", ", expectedAfterDay.Where(entry => entry.Value > 0).Select(entry => $"{entry.Key} {entry.Value:N0}"))
                + $" — and {bookOutstanding.Yuan:N0} yuan outstanding equal the book's)"
            : $"consistency: {differences.Count} differences");
        foreach (var difference in differences)
        {
            Console.WriteLine($"  {difference}");
        }

        return differences.Count == 0;
    }

    private static void Line(string label, string value) => Console.WriteLine($"  {label,-28} {value}");
}
