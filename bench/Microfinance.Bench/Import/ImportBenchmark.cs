using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;
using Microfinance.Bench.Cluster;
using Microfinance.Bench.Province;
using Microfinance.Bench.Setup;
using Microfinance.Silo.Api.Imports;

namespace Microfinance.Bench.Import;

/// <summary>
/// The registry import as an operator runs it: a province's household export written to a file,
/// then <c>microfinance import households</c> streaming it to one silo process's gRPC API, timed
/// from the command's start to its end; then every village's list counted against the file.
/// </summary>
public sealed class ImportBenchmark(ImportSettings settings)
{
    /// <returns>Whether every row was registered and every village lists its households.</returns>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var layout = new ProvinceLayout(settings.Counties, settings.TownshipsPerCounty, settings.VillagesPerTownship);
        Console.WriteLine($"=== registry import: {settings.Households:N0} households of {layout} through `microfinance import households` ===");
        await using var database = await BenchDatabase.CreateAsync(settings.AdminConnectionString, settings.KeepDatabase, null, ct);
        var server = await database.ReadSettingsAsync(ct);
        Console.WriteLine($"PostgreSQL {server.Version}, database {database.Name}; SHOW fsync: {server.Fsync}, synchronous_commit: {server.SynchronousCommit}");
        await using var cluster = await SiloCluster.StartAsync(settings.Silo, settings.LogDirectory, database.SiloConnectionString, 1, ct);
        var silo = cluster.Silos[0];

        var started = Stopwatch.GetTimestamp();
        await ProvinceSetup.RunAsync(cluster.Grains, layout, ct);
        Console.WriteLine($"regions, policies, quotas and funds (not timed): {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        var registry = new SyntheticRegistry(layout, settings.Households, ProvinceSettings.Seed);
        var file = Path.Combine(settings.LogDirectory, "农户档案.csv");
        started = Stopwatch.GetTimestamp();
        var rows = await RegistryExportFile.WriteAsync(file, registry, layout.Villages.Count, Encoding(settings.Encoding), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export file (not timed): {rows:N0} rows, {new FileInfo(file).Length / (1024.0 * 1024):F0} MiB in {settings.Encoding}, written in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));

        await using var peak = new PeakMemory(silo);
        started = Stopwatch.GetTimestamp();
        var (exit, output) = await RunCliAsync(file, silo, cluster.Token, ct);
        var took = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import: exit {exit}, {rows:N0} rows in {took.TotalSeconds:F1} s = {rows / took.TotalSeconds:F0} rows/s; silo RSS peak {peak.PeakBytes / (1024 * 1024):N0} MiB"));

        var listed = await CountListedAsync(cluster.Grains, layout, ct);
        var ok = exit == 0 && listed == rows;
        Console.WriteLine($"check: the villages list {listed:N0} households, the file has {rows:N0} rows: {(ok ? "OK" : "FAILED")}");
        return ok;
    }

    private async Task<(int Exit, string Output)> RunCliAsync(string file, SiloProcess silo, string token, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(settings.Cli, "microfinance.dll"), "import", "households", file, "--server", $"http://127.0.0.1:{silo.GrpcPort}", "--token", token])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync(ct);
        var error = cli.StandardError.ReadToEndAsync(ct);
        await cli.WaitForExitAsync(ct);
        return (cli.ExitCode, (await output + await error).Trim());
    }

    private static async Task<long> CountListedAsync(IGrainFactory grains, ProvinceLayout layout, CancellationToken ct)
    {
        long listed = 0;
        await Parallel.ForEachAsync(layout.Villages, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (village, _) =>
            Interlocked.Add(ref listed, (await KeyPages.ReadAllAsync(grains.Get<IVillageGrain>(village.Value).ListHouseholdsAsync)).Count));
        return listed;
    }

    private static Encoding Encoding(string name) => name == "gbk" ? ImportEncoding.Gbk : new UTF8Encoding(false);
}
