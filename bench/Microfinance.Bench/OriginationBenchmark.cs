using System.Diagnostics;
using Microfinance.Abstractions.Loans;
using Microfinance.Bench.Consistency;
using Microfinance.Bench.Measurement;
using Microfinance.Bench.Origination;
using Microfinance.Bench.Platforms;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Loans;
using Microfinance.Silo.Hosting;

namespace Microfinance.Bench;

/// <summary>
/// One measurement of loan origination on one transport in one shape: a fresh database, the
/// platform's silos, a province set up through the grains (not timed), then the timed runs, each
/// after its warm-up, and the consistency check.
/// </summary>
public sealed class OriginationBenchmark(BenchOptions options, Transport transport, OriginationShape shape)
{
    /// <summary>
    /// Households a run is likely to need: a household takes about eight loans of 1,000–10,000 yuan
    /// before its 50,000 yuan cap is full; this covers up to ~1,500 originations/s. Workers register
    /// more if they run out, and the report says so.
    /// </summary>
    private const int AssumedPeakPerSecond = 1500;
    private const int LoansPerHousehold = 8;

    public async Task<BenchOutcome> RunAsync(CancellationToken ct)
    {
        var label = transport == Transport.Grains ? "grains direct" : "through gRPC";
        var counties = shape == OriginationShape.OneCounty ? "one county" : $"{options.Counties} counties";
        Console.WriteLine();
        Console.WriteLine($"=== loan origination, {label}, {counties}: {options.Silos} silo(s), {options.Clients} clients, "
            + $"{options.Seconds} s full + {options.StageSeconds} s approve+disburse"
            + (options.WarmupSeconds > 0 ? $", each after a {options.WarmupSeconds} s warm-up ===" : ", no warm-ups ==="));

        await using var database = await BenchDatabase.CreateAsync(
            options.AdminConnectionString, options.KeepDatabase, options.SiloConnectionSettings, ct);
        var settings = await database.ReadSettingsAsync(ct);
        Console.WriteLine($"PostgreSQL {settings.Version}, database {database.Name}, max_connections {settings.MaxConnections}");
        if (options.SiloConnectionSettings is not null)
        {
            Console.WriteLine($"silo connection string: production + Max Auto Prepare=20 + {options.SiloConnectionSettings}");
        }

        Console.WriteLine($"SHOW fsync: {settings.Fsync}   SHOW synchronous_commit: {settings.SynchronousCommit}   wal_sync_method: {settings.WalSyncMethod}");
        if (!settings.Durable)
        {
            Console.WriteLine("WARNING: durability is OFF on this server; these figures do not count.");
        }

        var started = Stopwatch.GetTimestamp();
        await using IPlatform platform = transport == Transport.Grains
            ? await GrainPlatform.StartAsync(database.SiloConnectionString, options.Silos, options.Storage, ct)
            : await GrpcPlatform.StartAsync(database.SiloConnectionString, options.Silos, options.Storage, ct);
        Console.WriteLine($"platform: {platform.Description}, started in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        var layout = new ProvinceLayout(
            shape == OriginationShape.OneCounty ? 1 : options.Counties, options.TownshipsPerCounty, options.VillagesPerTownship);
        started = Stopwatch.GetTimestamp();
        await ProvinceSetup.RunAsync(platform.Grains, layout, ct);
        var registrar = new HouseholdRegistrar(platform.Grains, layout);
        var pools = Enumerable.Range(0, options.Clients).Select(_ => new HouseholdPool(registrar)).ToArray();
        var households = options.Households > 0
            ? options.Households
            : Math.Max(options.Clients * 4, (options.WarmupSeconds + options.Seconds) * AssumedPeakPerSecond / LoansPerHousehold);
        await RegisterHouseholdsAsync(registrar, pools, households, ct);
        Console.WriteLine($"setup (not timed): {layout}, {registrar.Registered} households, "
            + $"a \"5321\" policy per county, in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        var originators = Enumerable.Range(0, options.Clients).Select(platform.OriginatorFor).ToArray();
        var prefix = transport == Transport.Grains ? "G" : "R";
        var runner = new PhaseRunner(database, pools, options.Storage, options.WarmupSeconds);

        // Every phase's loans, warm-ups included, go to the consistency check.
        var phases = new List<PhaseResult>();
        if (options.WarmupSeconds > 0)
        {
            phases.Add(await runner.WarmUpAsync(
                "full originations",
                options.Clients,
                (client, deadline, start) => OriginatorWorker.FullOriginationsAsync(options.Seed, client, originators[client], pools[client], $"{prefix}W", start, deadline),
                ct));
        }

        var full = await runner.MeasureAsync(
            "full origination (apply → village, township, county reviews → approve → disburse)",
            TimeSpan.FromSeconds(options.Seconds),
            options.Clients,
            (client, deadline, start) => OriginatorWorker.FullOriginationsAsync(options.Seed, client, originators[client], pools[client], $"{prefix}F", start, deadline),
            ct);
        PhaseReport.Print(full, withSteps: true);
        phases.Add(full);

        PhaseResult? stage = null;
        if (options.StageSeconds > 0)
        {
            var prepared = await PrepareAllAsync("the timed run", options.StageSeconds, full.PerSecond, originators, pools, $"{prefix}S", salt: 2);
            if (options.WarmupSeconds > 0)
            {
                var forWarmup = await PrepareAllAsync("the warm-up", options.WarmupSeconds, full.PerSecond, originators, pools, $"{prefix}SW", salt: 3);
                phases.Add(await runner.WarmUpAsync(
                    "approve+disburse of prepared loans",
                    options.Clients,
                    (client, deadline, start) => OriginatorWorker.ApproveAndDisburseAsync(originators[client], forWarmup[client], start, deadline),
                    ct));
            }

            stage = await runner.MeasureAsync(
                "approve+disburse only (the steps that move quota, fund and cap: the peer's transaction)",
                TimeSpan.FromSeconds(options.StageSeconds),
                options.Clients,
                (client, deadline, start) => OriginatorWorker.ApproveAndDisburseAsync(originators[client], prepared[client], start, deadline),
                ct);
            PhaseReport.Print(stage, withSteps: false);
            phases.Add(stage);
        }

        var disbursed = phases.SelectMany(phase => phase.Disbursed).ToList();
        var uncertain = phases.SelectMany(phase => phase.Uncertain).ToList();
        var settled = await SettleAsync(platform.Grains, uncertain);
        disbursed.AddRange(settled);
        if (uncertain.Count > 0)
        {
            Console.WriteLine($"{uncertain.Count} disbursement calls failed; {settled.Count} of those loans were disbursed after all (read back)");
        }

        var check = await ConsistencyCheck.RunAsync(platform.Grains, layout, disbursed, ct);
        Console.WriteLine();
        Console.WriteLine(check.Ok
            ? $"consistency: OK ({check.Villages} villages' used quota, {check.Funds} funds' outstanding principal and "
                + $"{check.Households} sampled households equal the {check.Loans} disbursed loans' amounts)"
            : $"consistency: {check.Differences.Count} differences against {check.Loans} disbursed loans");
        foreach (var line in check.Differences.Take(20).Concat(check.Notes.Take(10)))
        {
            Console.WriteLine($"  {line}");
        }

        await PrintPayloadSizesAsync(database, ct);
        return new BenchOutcome(label, shape, counties, full.PerSecond, stage?.PerSecond, check.Ok);
    }

    // Every write sends a grain's whole state, so a state that grows with the loans (a register
    // of loan ids, a day's dedupe set) makes each of its writes dearer as the run goes on.
    private static async Task PrintPayloadSizesAsync(BenchDatabase database, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine("state per grain type at the end (serialized bytes; stored is after PostgreSQL's compression):");
        foreach (var size in await database.ReadPayloadSizesAsync(ct))
        {
            Console.WriteLine($"  {size.StateName,-22} {size.Rows,8:N0} grains   avg {size.AverageBytes,8:N0}   max {size.MaxBytes,9:N0}   stored avg {size.AverageStoredBytes,8:N0}");
        }
    }

    /// <summary>
    /// Loans brought to the county-reviewed stage for an approve+disburse run of
    /// <paramref name="seconds"/>, not timed: enough that workers should not run dry even if
    /// approve+disburse alone runs 4× the full rate.
    /// </summary>
    private async Task<Queue<LoanOrder>[]> PrepareAllAsync(
        string purpose, int seconds, double fullPerSecond, IOriginator[] originators, HouseholdPool[] pools, string prefix, int salt)
    {
        var perClient = (int)Math.Ceiling(fullPerSecond * 4 * seconds / options.Clients) + 4;
        var started = Stopwatch.GetTimestamp();
        var prepared = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client =>
            OriginatorWorker.PrepareAsync(options.Seed + salt, client, originators[client], pools[client], prefix, perClient)));
        Console.WriteLine();
        Console.WriteLine($"prepared {prepared.Sum(queue => queue.Count)} loans to county-reviewed for {purpose} (not timed) "
            + $"in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return prepared;
    }

    private static async Task RegisterHouseholdsAsync(
        HouseholdRegistrar registrar, HouseholdPool[] pools, int count, CancellationToken ct)
    {
        var registered = new BenchHousehold[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct },
            async (index, _) => registered[index] = await registrar.RegisterAsync());

        // Round-robin, so each worker's households lie in different villages and counties.
        for (var i = 0; i < count; i++)
        {
            pools[i % pools.Length].Add(registered[i]);
        }
    }

    private static async Task<List<LoanOrder>> SettleAsync(IGrainFactory grains, IReadOnlyList<LoanOrder> uncertain)
    {
        var settled = new List<LoanOrder>();
        foreach (var order in uncertain)
        {
            try
            {
                var loan = await grains.GetGrain<ILoanGrain>(order.LoanId).GetAsync();
                if (loan.Stage is LoanStage.Disbursed or LoanStage.Disbursing)
                {
                    settled.Add(order);
                }
            }
            catch (Exception exception)
            {
                Console.WriteLine($"  could not read loan {order.LoanId} back: {exception.Message}");
            }
        }

        return settled;
    }
}
