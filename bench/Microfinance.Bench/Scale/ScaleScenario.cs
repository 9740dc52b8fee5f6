using System.Diagnostics;
using System.Globalization;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Bench.Cluster;
using Microfinance.Bench.Consistency;
using Microfinance.Bench.Measurement;
using Microfinance.Bench.Origination;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Loans;

namespace Microfinance.Bench.Scale;

/// <summary>
/// Lending season on a cluster that changes under load: three silo processes on PostgreSQL take
/// full originations through gRPC; a fourth joins; one is drained through the operators' console;
/// one is killed with SIGKILL. Throughput is measured per phase, and at the end every acknowledged
/// disbursement is checked against the owning grains.
/// </summary>
public sealed class ScaleScenario(ScaleSettings settings)
{
    private const int Seed = 20261203;
    private const int HouseholdsPerWorker = 100;
    private const int TownshipsPerCounty = 4;
    private const int VillagesPerTownship = 8;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DeclaredDeadWithin = TimeSpan.FromSeconds(120);

    private readonly ScaleTimeline _timeline = new();

    /// <returns>Whether every invariant held.</returns>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        Console.WriteLine($"=== multi-silo scenario: {ScaleSettings.StartingSilos} silo processes, +1 joins, 1 drained, 1 killed; "
            + $"{settings.Clients} gRPC clients, phases of {settings.PhaseSeconds} s ===");
        await using var database = await BenchDatabase.CreateAsync(settings.AdminConnectionString, settings.KeepDatabase, null, ct);
        var server = await database.ReadSettingsAsync(ct);
        Console.WriteLine($"PostgreSQL {server.Version}, database {database.Name}; SHOW fsync: {server.Fsync}, synchronous_commit: {server.SynchronousCommit}");

        var started = Stopwatch.GetTimestamp();
        // Four silos at once on PostgreSQL's default 100 connections: each silo's pool sized as the runbook says.
        var connectionString = $"{database.SiloConnectionString};Maximum Pool Size={ScaleSettings.PoolPerSilo}";
        await using var cluster = await SiloCluster.StartAsync(settings.Silo, settings.LogDirectory, connectionString, ScaleSettings.StartingSilos, ct);
        Console.WriteLine($"cluster {cluster.ClusterId}: {string.Join(", ", cluster.Silos.Select(silo => silo.Name))} ready in "
            + $"{Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; logs in {settings.LogDirectory}");

        var layout = new ProvinceLayout(settings.Counties, TownshipsPerCounty, VillagesPerTownship);
        started = Stopwatch.GetTimestamp();
        await ProvinceSetup.RunAsync(cluster.Grains, layout, ct);
        var pools = await RegisterAsync(cluster.Grains, layout, ct);
        Console.WriteLine($"setup (not timed, through an Orleans client): {layout}, {pools.Sum(pool => pool.Count):N0} households, "
            + $"{Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, settings.Clients)
            .Select(worker => Task.Run(() => OriginatorWorker.FullOriginationsAsync(
                Seed, worker, new FailoverOriginator(cluster, worker, _timeline), pools[worker], "scale", stop.Token)))
            .ToList();

        Console.WriteLine($"load: full originations (apply, three reviews, approve, disburse), warm-up {WarmUp.TotalSeconds:F0} s not counted");
        await Task.Delay(WarmUp, ct);
        await RunPhasesAsync(cluster, ct);

        await stop.CancelAsync();
        var tallies = await Task.WhenAll(workers);
        return await CheckAsync(cluster, layout, tallies, ct);
    }

    private async Task RunPhasesAsync(SiloCluster cluster, CancellationToken ct)
    {
        Console.WriteLine();
        await SteadyAsync(cluster, $"{cluster.Routed.Count} silos", ct);

        var joined = await PhaseAsync(cluster, "a 4th silo starting and joining", () => cluster.AddSiloAsync(ct));
        Console.WriteLine($"  {joined.Name} joined and takes load");
        await SteadyAsync(cluster, $"{cluster.Routed.Count} silos, with the new one", ct);

        var drained = cluster.Routed[1];
        await PhaseAsync(cluster, $"draining {drained.Name}", async () =>
        {
            cluster.Unroute(drained);
            var (exit, output) = await cluster.DrainAsync(drained, settings.Cli, ct);
            var exited = await drained.WaitForExitAsync(ExitWithin);
            Console.WriteLine($"  microfinance cluster drain {drained.Endpoint}: exit {exit}: {output.ReplaceLineEndings(" / ")}");
            Console.WriteLine(exited ? $"  {drained.Name} exited with code {drained.ExitCode}" : $"  {drained.Name} still runs {ExitWithin.TotalSeconds:F0} s later");
            return drained;
        });
        await SteadyAsync(cluster, $"{cluster.Routed.Count} silos after the drain", ct);

        var killed = cluster.Routed[1];
        var recovery = Stopwatch.GetTimestamp();
        await PhaseAsync(cluster, $"kill -9 {killed.Name}, until declared dead", async () =>
        {
            killed.Kill();
            cluster.Unroute(killed);
            await cluster.WaitDeclaredDeadAsync(killed, DeclaredDeadWithin, ct);
            Console.WriteLine($"  {killed.Name} killed; the cluster declared it dead {Stopwatch.GetElapsedTime(recovery).TotalSeconds:F1} s later");
            return killed;
        });
        await SteadyAsync(cluster, $"{cluster.Routed.Count} silos after the kill", ct);
    }

    private async Task SteadyAsync(SiloCluster cluster, string name, CancellationToken ct) =>
        await PhaseAsync(cluster, name, async () =>
        {
            await Task.Delay(settings.Phase, ct);
            return cluster.Routed[0];
        });

    private async Task<SiloProcess> PhaseAsync(SiloCluster cluster, string name, Func<Task<SiloProcess>> during)
    {
        var silos = cluster.Silos.ToList();
        var cpu = silos.ToDictionary(silo => silo, silo => silo.Cpu);
        var from = Stopwatch.GetTimestamp();
        var silo = await during();
        var phase = _timeline.Close(name, cluster.Routed.Count, from, cluster.Silos, cpu);
        Console.WriteLine(phase);
        return silo;
    }

    private async Task<HouseholdPool[]> RegisterAsync(IGrainFactory grains, ProvinceLayout layout, CancellationToken ct)
    {
        var registrar = new HouseholdRegistrar(grains, layout);
        var pools = Enumerable.Range(0, settings.Clients).Select(_ => new HouseholdPool(registrar)).ToArray();
        await HouseholdPool.FillAsync(registrar, pools, settings.Clients * HouseholdsPerWorker, ct);
        return pools;
    }

    /// <summary>
    /// Nothing acknowledged lost: every acknowledged disbursement reads back disbursed. Nothing
    /// doubled: each village's used quota, each fund's outstanding principal and every borrowing
    /// household's disbursed principal equal the sums of the loans disbursed.
    /// </summary>
    private async Task<bool> CheckAsync(SiloCluster cluster, ProvinceLayout layout, WorkerTally[] tallies, CancellationToken ct)
    {
        var acknowledged = tallies.SelectMany(tally => tally.Disbursed).ToList();
        var uncertain = tallies.SelectMany(tally => tally.Uncertain).ToList();
        var settled = await UncertainLoans.SettleAsync(cluster.Grains, uncertain);
        var errors = tallies.SelectMany(tally => tally.Errors)
            .GroupBy(error => error.Key)
            .Select(group => (Reason: group.Key, Count: group.Sum(error => error.Value)))
            .OrderByDescending(error => error.Count)
            .ToList();

        Console.WriteLine();
        Console.WriteLine("=== phases ===");
        foreach (var phase in _timeline.Phases)
        {
            Console.WriteLine(phase);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"disbursements acknowledged: {acknowledged.Count:N0}; calls that failed after their retries: {errors.Sum(error => error.Count)}; "
            + $"disbursements left uncertain by a failed call: {uncertain.Count} (of which the platform had made {settled.Count})"));
        foreach (var (reason, count) in errors.Take(10))
        {
            Console.WriteLine($"  {count} × {reason}");
        }

        foreach (var silo in cluster.Silos.Where(silo => !silo.Exited))
        {
            Console.WriteLine($"  {silo.Name}: RSS {silo.ResidentBytes / (1024 * 1024):N0} MiB");
        }

        var lost = await LostAsync(cluster.Grains, acknowledged, ct);
        var report = await ConsistencyCheck.RunAsync(cluster.Grains, layout, [.. acknowledged, .. settled], ct, householdSample: int.MaxValue);
        Console.WriteLine();
        Console.WriteLine($"invariant check: {acknowledged.Count:N0} acknowledged disbursements read back, {lost.Count} not disbursed; "
            + $"{report.Villages} villages' used quota, {report.Funds} funds' outstanding principal and {report.Households:N0} households' "
            + $"disbursed principal against the sums of {report.Loans:N0} loans: {(report.Ok ? "equal" : $"{report.Differences.Count} differ")}");
        foreach (var line in lost.Take(10).Concat(report.Differences.Take(20)))
        {
            Console.WriteLine($"  {line}");
        }

        var ok = lost.Count == 0 && report.Ok;
        Console.WriteLine(ok ? "invariants: OK" : "invariants: FAILED");
        return ok;
    }

    private static async Task<List<string>> LostAsync(IGrainFactory grains, IReadOnlyList<LoanOrder> acknowledged, CancellationToken ct)
    {
        var lost = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (order, _) =>
        {
            var loan = await grains.Get<ILoanGrain>(order.LoanId).GetAsync();
            if (loan.Stage != LoanStage.Disbursed)
            {
                lost.Add($"loan {order.LoanId}: acknowledged disbursed, reads {loan.Stage}");
            }
        });
        return [.. lost];
    }
}
