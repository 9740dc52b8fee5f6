using System.Diagnostics;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Bench.Consistency;
using Microfinance.Bench.Dashboards;
using Microfinance.Bench.Measurement;
using Microfinance.Bench.Origination;
using Microfinance.Bench.Platforms;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Loans;

namespace Microfinance.Bench;

/// <summary>
/// One measurement of loan origination on one transport in one shape: a fresh database, the
/// platform's silos, a province set up through the grains (not timed), then the timed runs, each
/// after its warm-up, and the consistency check.
/// </summary>
public sealed class OriginationBenchmark(BenchOptions options, Transport transport, OriginationShape shape)
{
    /// <summary>
    /// The most loans a second a run is assumed to reach. It sizes the households (a household takes
    /// about eight loans of 1,000–10,000 yuan before its 50,000 yuan cap is full; workers register
    /// more if they run out, and the report says so) and the loans prepared for the bank's streams,
    /// which have no full-origination rate to go by (a stream that runs out says so).
    /// </summary>
    private const int AssumedPeakPerSecond = 1500;
    private const int LoansPerHousehold = 8;

    public async Task<BenchOutcome> RunAsync(CancellationToken ct)
    {
        var (label, prefix) = transport switch
        {
            Transport.Grains => ("grains direct", "G"),
            Transport.Grpc => ("through gRPC", "R"),
            _ => ("bank's stream", "B"),
        };
        var counties = shape == OriginationShape.OneCounty ? "one county" : $"{options.Counties} counties";
        Console.WriteLine();
        Console.WriteLine($"=== loan origination, {label}, {counties}: {options.Silos} silo(s), {Work()} ===");

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

        // The bank's streams prepare their loans with one worker per loan they hold in flight, each
        // lending to households of its own, so that a household's grain is seldom asked twice at once
        // (it takes one call at a time, and a bank's day seldom holds two loans of one household).
        var workers = transport == Transport.Stream ? options.StreamedLoansInFlight : options.Clients;
        var timedSeconds = transport == Transport.Stream ? options.StageSeconds : options.Seconds;
        var layout = new ProvinceLayout(
            shape == OriginationShape.OneCounty ? 1 : options.Counties, options.TownshipsPerCounty, options.VillagesPerTownship);
        started = Stopwatch.GetTimestamp();
        await ProvinceSetup.RunAsync(platform.Grains, layout, ct);
        var registrar = new HouseholdRegistrar(platform.Grains, layout);
        var pools = Enumerable.Range(0, workers).Select(_ => new HouseholdPool(registrar)).ToArray();
        var households = options.Households > 0
            ? options.Households
            : Math.Max(workers * 4, (options.WarmupSeconds + timedSeconds) * AssumedPeakPerSecond / LoansPerHousehold);
        await HouseholdPool.FillAsync(registrar, pools, households, ct);
        Console.WriteLine($"setup (not timed): {layout}, {registrar.Registered} households, "
            + $"a \"5321\" policy per county, in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        var dashboards = await WatchDashboardsAsync(platform, layout);
        var originators = Enumerable.Range(0, workers)
            .Select(platform.OriginatorFor)
            .Select(originator => dashboards is null ? originator : new AcknowledgingOriginator(originator, dashboards))
            .ToArray();
        var run = new Run(new PhaseRunner(database, pools, options.Storage, options.WarmupSeconds), originators, pools, prefix);

        // Every phase's loans, warm-ups included, go to the consistency check.
        var phases = new List<PhaseResult>();
        var (fullPerSecond, stagePerSecond) = transport == Transport.Stream
            ? (null, await RunBankStreamsAsync((GrpcPlatform)platform, run, phases, ct))
            : await RunStepByStepAsync(run, phases, ct);

        var disbursed = phases.SelectMany(phase => phase.Disbursed).ToList();
        var uncertain = phases.SelectMany(phase => phase.Uncertain).ToList();
        var settled = await UncertainLoans.SettleAsync(platform.Grains, uncertain);
        disbursed.AddRange(settled);
        if (uncertain.Count > 0)
        {
            Console.WriteLine($"{uncertain.Count} disbursements were not acknowledged; {settled.Count} of those loans were disbursed after all (read back)");
        }

        if (dashboards is not null)
        {
            await dashboards.StopAndPrintAsync();
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
        return new BenchOutcome(label, shape, counties, fullPerSecond, stagePerSecond, check.Ok);
    }

    /// <summary>
    /// Opens the watches of each county's dashboard that <see cref="BenchOptions.DashboardWatchers"/>
    /// asks for, through the real host's WatchCounty; null when none are asked for or the run does
    /// not go through gRPC one call per step.
    /// </summary>
    private async Task<DashboardLatency?> WatchDashboardsAsync(IPlatform platform, ProvinceLayout layout)
    {
        if (options.DashboardWatchers == 0)
        {
            return null;
        }

        if (transport != Transport.Grpc || platform is not GrpcPlatform grpc)
        {
            Console.WriteLine("dashboards: watched only with --via grpc; this run has none");
            return null;
        }

        var dashboards = await DashboardLatency.StartAsync(grpc, layout.Counties, options.DashboardWatchers);
        Console.WriteLine($"dashboards: {options.DashboardWatchers} watch(es) of each of the {layout.Counties.Count} counties follow the run");
        return dashboards;
    }

    /// <summary>What the measurement runs, for its header.</summary>
    private string Work()
    {
        if (transport == Transport.Stream)
        {
            var warmup = options.WarmupSeconds > 0 ? $" after a {options.WarmupSeconds} s warm-up" : ", no warm-up";
            return $"{options.Streams} streams × {options.InFlight} decisions in flight, {options.StageSeconds} s approve+disburse{warmup}";
        }

        var warmups = options.WarmupSeconds > 0 ? $", each after a {options.WarmupSeconds} s warm-up" : ", no warm-ups";
        return $"{options.Clients} clients, {options.Seconds} s full + {options.StageSeconds} s approve+disburse{warmups}";
    }

    /// <summary>
    /// The workers calling one step at a time: full originations, then approve+disburse of loans
    /// prepared to county-reviewed, each timed run after its warm-up.
    /// </summary>
    /// <returns>Full originations a second, and approve+disburse pairs a second when measured.</returns>
    private async Task<(double? Full, double? Stage)> RunStepByStepAsync(Run run, List<PhaseResult> phases, CancellationToken ct)
    {
        var (runner, originators, pools, prefix) = run;
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
        if (options.StageSeconds == 0)
        {
            return (full.PerSecond, null);
        }

        // Enough that workers should not run dry even if approve+disburse alone runs 4× the full rate.
        var prepared = await PrepareAllAsync("the timed run", full.PerSecond * 4 * options.StageSeconds, run, $"{prefix}S", salt: 2);
        if (options.WarmupSeconds > 0)
        {
            var forWarmup = await PrepareAllAsync("the warm-up", full.PerSecond * 4 * options.WarmupSeconds, run, $"{prefix}SW", salt: 3);
            phases.Add(await runner.WarmUpAsync(
                "approve+disburse of prepared loans",
                options.Clients,
                (client, deadline, start) => OriginatorWorker.ApproveAndDisburseAsync(originators[client], forWarmup[client], start, deadline),
                ct));
        }

        var stage = await runner.MeasureAsync(
            "approve+disburse only (the steps that move quota, fund and cap: the peer's transaction)",
            TimeSpan.FromSeconds(options.StageSeconds),
            options.Clients,
            (client, deadline, start) => OriginatorWorker.ApproveAndDisburseAsync(originators[client], prepared[client], start, deadline),
            ct);
        PhaseReport.Print(stage, withSteps: false);
        phases.Add(stage);
        return (full.PerSecond, stage.PerSecond);
    }

    /// <summary>
    /// The bank's streams: approve+disburse of loans prepared to county-reviewed (through the unary
    /// calls, not timed), each loan's approval and disbursement sent one behind the other on one of
    /// <see cref="BenchOptions.Streams"/> StreamBankDecisions calls, timed after its warm-up.
    /// </summary>
    /// <returns>Loans a second whose disbursement's result came back within the window.</returns>
    private async Task<double> RunBankStreamsAsync(GrpcPlatform platform, Run run, List<PhaseResult> phases, CancellationToken ct)
    {
        var disbursedOn = BusinessDate.Today();
        var prepared = Deal(await PrepareAllAsync(
            "the timed run", AssumedPeakPerSecond * options.StageSeconds, run, $"{run.Prefix}S", salt: 2));
        if (options.WarmupSeconds > 0)
        {
            var forWarmup = Deal(await PrepareAllAsync(
                "the warm-up", AssumedPeakPerSecond * options.WarmupSeconds, run, $"{run.Prefix}SW", salt: 3));
            phases.Add(await run.Runner.WarmUpAsync(
                "approve+disburse of prepared loans in the bank's streams",
                options.Streams,
                (stream, deadline, start) => new BankStream(platform.LoansFor(stream), options.InFlight).RunAsync(forWarmup[stream], disbursedOn, start, deadline),
                ct));
        }

        var stage = await run.Runner.MeasureAsync(
            $"approve+disburse in the bank's streams ({options.Streams} StreamBankDecisions calls, up to {options.InFlight} decisions in flight each)",
            TimeSpan.FromSeconds(options.StageSeconds),
            options.Streams,
            (stream, deadline, start) => new BankStream(platform.LoansFor(stream), options.InFlight).RunAsync(prepared[stream], disbursedOn, start, deadline),
            ct);
        PhaseReport.Print(stage, withSteps: false);
        phases.Add(stage);
        return stage.PerSecond;
    }

    /// <summary>
    /// Each stream's loans: those of every <see cref="BenchOptions.Streams"/>-th worker, one of each
    /// in turn. A worker lends to one household until its cap is full, so the loans a stream holds in
    /// flight at once belong to as many households as it has workers.
    /// </summary>
    private Queue<LoanOrder>[] Deal(Queue<LoanOrder>[] byWorker)
    {
        var streams = new Queue<LoanOrder>[options.Streams];
        for (var stream = 0; stream < streams.Length; stream++)
        {
            var workers = byWorker.Where((_, worker) => worker % streams.Length == stream).ToList();
            streams[stream] = new Queue<LoanOrder>();
            while (workers.Any(queue => queue.Count > 0))
            {
                foreach (var queue in workers)
                {
                    if (queue.TryDequeue(out var order))
                    {
                        streams[stream].Enqueue(order);
                    }
                }
            }
        }

        return streams;
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

    /// <summary>About <paramref name="loans"/> loans brought to the county-reviewed stage, not timed, in a queue per worker.</summary>
    private async Task<Queue<LoanOrder>[]> PrepareAllAsync(string purpose, double loans, Run run, string prefix, int salt)
    {
        var workers = run.Originators.Length;
        var perWorker = (int)Math.Ceiling(loans / workers) + 4;
        var started = Stopwatch.GetTimestamp();
        var prepared = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker =>
            OriginatorWorker.PrepareAsync(options.Seed + salt, worker, run.Originators[worker], run.Pools[worker], prefix, perWorker)));
        Console.WriteLine();
        Console.WriteLine($"prepared {prepared.Sum(queue => queue.Count)} loans to county-reviewed for {purpose} (not timed) "
            + $"in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return prepared;
    }

    /// <summary>What every phase of one measurement works with: its runner, and each worker's originator, households and loan-id prefix.</summary>
    private sealed record Run(PhaseRunner Runner, IOriginator[] Originators, HouseholdPool[] Pools, string Prefix);
}
