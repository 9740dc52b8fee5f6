using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Abstractions.Servicing;
using Microfinance.Bench.Cluster;
using Microfinance.Bench.DayClose;
using Microfinance.Bench.Origination;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Households;
using Microfinance.Domain.Regions;
using Orleans.Runtime;

namespace Microfinance.Bench.Province;

/// <summary>
/// A province at full size loaded in bulk into one silo process on PostgreSQL: its regions, policies,
/// quotas and funds; its registry of households through each village's import; the banks' existing
/// loans through each county's loan-book import. Prints the time of each step, the silo's memory
/// (peak while loading, and with the whole province active afterwards) and an invariant check.
/// </summary>
public sealed class ProvinceLoad(ProvinceSettings settings)
{
    private const int ImportAttempts = 3;
    private const int LoanBatch = 1_000;
    private const int ParallelLoanBatches = 6;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    /// <returns>Whether the invariant check held.</returns>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var layout = new ProvinceLayout(settings.Counties, settings.TownshipsPerCounty, settings.VillagesPerTownship);
        Console.WriteLine($"=== synthetic province: {layout}, {settings.Households:N0} households, {settings.Loans:N0} existing loans ===");
        await using var database = await BenchDatabase.CreateAsync(settings.AdminConnectionString, settings.KeepDatabase, null, ct);
        var server = await database.ReadSettingsAsync(ct);
        Console.WriteLine($"PostgreSQL {server.Version}, database {database.Name}; SHOW fsync: {server.Fsync}, synchronous_commit: {server.SynchronousCommit}");

        var started = Stopwatch.GetTimestamp();
        await using var cluster = await SiloCluster.StartAsync(settings.Silo, settings.LogDirectory, database.SiloConnectionString, 1, ct);
        var silo = cluster.Silos[0];
        Console.WriteLine($"{silo.Name} ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, RSS {Mib(silo.ResidentBytes)}; log in {settings.LogDirectory}");
        await using var peak = new PeakMemory(silo);

        var total = Stopwatch.GetTimestamp();
        started = Stopwatch.GetTimestamp();
        await ProvinceSetup.RunAsync(cluster.Grains, layout, ct);
        Console.WriteLine($"regions, policies, quotas and {layout.FundAccounts.Count} fund accounts: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, RSS {Mib(silo.ResidentBytes)}");

        var registry = new SyntheticRegistry(layout, settings.Households, ProvinceSettings.Seed);
        var (registered, refused, borrowers) = await ImportRegistryAsync(cluster.Grains, layout, registry, silo, ct);

        var book = BenchLoanBook.Build(borrowers, 1, Math.Min(settings.Loans, borrowers.Count), 0, BusinessDate.Today().AddDays(1), ProvinceSettings.Seed);
        started = Stopwatch.GetTimestamp();
        await new LoanBookLoader(cluster.Grains, LoanBatch, ParallelLoanBatches).ImportAsync(book.Loans, "loan book", ct);
        var loansTook = Stopwatch.GetElapsedTime(started);
        var loadTook = Stopwatch.GetElapsedTime(total);
        Console.WriteLine($"RSS after the loan book: {Mib(silo.ResidentBytes)}");

        started = Stopwatch.GetTimestamp();
        await ActivateProvinceAsync(cluster.Grains, layout, ct);
        Console.WriteLine($"the whole province active (every region, fund account and county's books read): {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        var active = silo.ResidentBytes;
        await PrintActivationsAsync(cluster.Grains);

        var ok = await CheckAsync(cluster.Grains, layout, registry, book, refused, ct);
        Console.WriteLine();
        Console.WriteLine("=== summary ===");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded in {loadTook.TotalMinutes:F1} min: {registered:N0} households ({registered / _registryTook.TotalSeconds:F0}/s), "
            + $"{book.Loans.Count:N0} loans ({book.Loans.Count / loansTook.TotalSeconds:F0}/s)"));
        Console.WriteLine($"silo RSS: peak while loading {Mib(peak.PeakBytes)}, with the whole province active {Mib(active)}; "
            + $"target under {Mib(ProvinceSettings.TargetBytes)}: {(Math.Max(peak.PeakBytes, active) < ProvinceSettings.TargetBytes ? "met" : "NOT MET")}");
        Console.WriteLine(ok ? "invariants: OK" : "invariants: FAILED");
        return ok;
    }

    private TimeSpan _registryTook;

    /// <summary>
    /// Each village's households in one import call, several villages at once; a call that fails is
    /// made again with the same request id. Returns the borrowers of the loan book: in each village,
    /// its share of the loans, taken by households with labour that may borrow and not five-guarantee.
    /// </summary>
    private async Task<(int Registered, List<string> Refused, List<BenchHousehold> Borrowers)> ImportRegistryAsync(
        IGrainFactory grains, ProvinceLayout layout, SyntheticRegistry registry, SiloProcess silo, CancellationToken ct)
    {
        var refused = new ConcurrentBag<string>();
        var borrowers = new ConcurrentBag<(int Village, List<BenchHousehold> Households)>();
        var registered = 0;
        var loansPerVillage = (settings.Loans + layout.Villages.Count - 1) / layout.Villages.Count;
        var started = Stopwatch.GetTimestamp();
        using var progress = new Timer(_ =>
        {
            var done = Volatile.Read(ref registered);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var rate = done / elapsed;
            var eta = rate > 0 ? TimeSpan.FromSeconds((settings.Households - done) / rate) : TimeSpan.Zero;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  households: {done:N0} of {settings.Households:N0} in {elapsed:F0} s ({rate:F0}/s, about {eta.TotalMinutes:F1} min to go), silo RSS {Mib(silo.ResidentBytes)}"));
        }, null, ProgressEvery, ProgressEvery);

        await Parallel.ForEachAsync(
            Enumerable.Range(0, layout.Villages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.ParallelVillages, CancellationToken = ct },
            async (index, _) =>
            {
                var village = layout.Villages[index];
                var households = registry.Village(index);
                var report = await ImportVillageAsync(grains.Get<IVillageGrain>(village.Value), households, $"registry-{village.Value}");
                foreach (var refusal in report.Refused)
                {
                    refused.Add($"{refusal.RegistryNumber}: {refusal.Reason}");
                }

                Interlocked.Add(ref registered, report.Registered + report.AlreadyRegistered);
                borrowers.Add((index, [.. households
                    .Where(household => household.Profile.Category != HouseholdCategory.FiveGuarantee && household.Profile.LaborCapacity != LaborCapacity.None)
                    .Take(loansPerVillage)
                    .Select((household, n) => new BenchHousehold(
                        household.RegistryNumber, village.Value, ProvinceLayout.Banks[(index + n) % ProvinceLayout.Banks.Count].Code, HouseholdRegistrar.CapFen))]));
            });

        _registryTook = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"registry: {registered:N0} households in {layout.Villages.Count:N0} village imports in {_registryTook.TotalSeconds:F1} s "
            + $"({registered / _registryTook.TotalSeconds:F0}/s), {refused.Count} refused; RSS {Mib(silo.ResidentBytes)}"));

        // Village by village, so the book's loans are spread over the province as its households are.
        var byVillage = borrowers.OrderBy(entry => entry.Village).Select(entry => entry.Households).ToList();
        var spread = new List<BenchHousehold>();
        for (var round = 0; spread.Count < settings.Loans && byVillage.Any(list => list.Count > round); round++)
        {
            spread.AddRange(byVillage.Where(list => list.Count > round).Select(list => list[round]));
        }

        return (registered, [.. refused], spread);
    }

    private static async Task<HouseholdImportReport> ImportVillageAsync(IVillageGrain village, List<HouseholdRegistration> households, string requestId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await village.ImportHouseholdsAsync(households, requestId);
            }
            catch (Exception exception) when (attempt < ImportAttempts)
            {
                Console.WriteLine($"  import {requestId} failed ({exception.GetType().Name}: {exception.Message}); importing it again");
            }
        }
    }

    /// <summary>Reads every region's quota, every fund account and every county's books: what a working province keeps active.</summary>
    private static async Task ActivateProvinceAsync(IGrainFactory grains, ProvinceLayout layout, CancellationToken ct)
    {
        var regions = layout.Counties.Concat(layout.Townships).Concat(layout.Villages).Prepend(layout.Province);
        await Parallel.ForEachAsync(regions, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct },
            async (region, _) => await grains.GetRegion(region).GetQuotaAsync());
        await Parallel.ForEachAsync(layout.FundAccounts, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct },
            async (fund, _) => await grains.Get<IFundAccountGrain>(fund).GetPositionAsync());
        await Parallel.ForEachAsync(layout.Counties, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (county, _) => await grains.Get<ICountyBooksGrain>(county.Value).GetAsync());
    }

    private static async Task PrintActivationsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var byType = statistics.GroupBy(statistic => statistic.GrainType)
            .Select(type => (Type: type.Key.Split(',')[0].Split('.')[^1], Count: type.Sum(statistic => statistic.ActivationCount)))
            .OrderByDescending(type => type.Count)
            .ToList();
        Console.WriteLine($"activations: {byType.Sum(type => type.Count):N0} in all; "
            + string.Join(", ", byType.Take(10).Select(type => $"{type.Type} {type.Count:N0}")));
    }

    /// <summary>
    /// Every village lists exactly the households made for it, none refused; every county's books
    /// count the loans imported in it with their principal; and a sample of households reads back as made.
    /// </summary>
    private static async Task<bool> CheckAsync(
        IGrainFactory grains, ProvinceLayout layout, SyntheticRegistry registry, BenchLoanBook book, List<string> refused, CancellationToken ct)
    {
        var differences = new ConcurrentBag<string>(refused.Take(10).Select(refusal => $"refused {refusal}"));
        await Parallel.ForEachAsync(Enumerable.Range(0, layout.Villages.Count), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct },
            async (index, _) =>
            {
                var village = layout.Villages[index];
                var listed = await KeyPages.ReadAllAsync(grains.Get<IVillageGrain>(village.Value).ListHouseholdsAsync);
                if (listed.Count != registry.CountIn(index))
                {
                    differences.Add($"village {village.Value} lists {listed.Count} households, {registry.CountIn(index)} were imported");
                }
            });

        var byCounty = book.Loans.GroupBy(loan => loan.Village.County).ToDictionary(group => group.Key, group => (Count: group.Count(), Fen: group.Sum(loan => loan.Balance.Principal.Fen)));
        await Parallel.ForEachAsync(layout.Counties, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (county, _) =>
        {
            var tally = (await grains.Get<ICountyBooksGrain>(county.Value).GetAsync()).Tallies.GetValueOrDefault(CountyBooks.CountyKey) ?? new Tally();
            var expected = byCounty.GetValueOrDefault(county);
            if (tally.Loans.Values.Sum() != expected.Count || tally.Outstanding.Fen != expected.Fen)
            {
                differences.Add($"county {county.Value}: books count {tally.Loans.Values.Sum()} loans, {tally.Outstanding}; imported {expected.Count}, {expected.Fen} fen");
            }
        });

        var sampled = 0;
        for (var index = 0; index < layout.Villages.Count; index += Math.Max(1, layout.Villages.Count / 200))
        {
            foreach (var made in registry.Village(index).Take(5))
            {
                var record = await grains.Get<IHouseholdGrain>(made.RegistryNumber).GetAsync();
                sampled++;
                if (record.Village != layout.Villages[index] || !record.Profile.Equals(made.Profile))
                {
                    differences.Add($"household {made.RegistryNumber} reads back other than it was made");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"invariant check: {layout.Villages.Count:N0} villages' household lists, {layout.Counties.Count} counties' books against "
            + $"{book.Loans.Count:N0} imported loans, {sampled} households read back: {(differences.IsEmpty ? "all as loaded" : $"{differences.Count} differ")}");
        foreach (var difference in differences.Take(20))
        {
            Console.WriteLine($"  {difference}");
        }

        return differences.IsEmpty;
    }

    private static string Mib(long bytes) => $"{bytes / (1024 * 1024):N0} MiB";
}
