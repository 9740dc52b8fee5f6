using System.Globalization;
using Microfinance.Silo.Hosting;

namespace Microfinance.Bench.Storage;

/// <summary><c>storage</c>: each provider measured in turn on a fresh database, then side by side.</summary>
public static class StorageCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        StorageOptions options;
        try
        {
            options = StorageOptions.Parse(args);
        }
        catch (FormatException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(StorageOptions.Usage);
            return 2;
        }

        var results = new List<(GrainStorageProvider Provider, IReadOnlyList<StoragePhase> Phases)>();
        foreach (var provider in options.Providers)
        {
            results.Add((provider, await new StorageBenchmark(options, provider).RunAsync(ct)));
        }

        Console.WriteLine();
        Console.WriteLine("=== summary: writes/s (p50 / p99 ms, commits per write) ===");
        Console.WriteLine($"{"",-14}" + string.Concat(results.Select(result => $"{result.Provider,-44}")));
        foreach (var label in results[0].Phases.Select(phase => phase.Label))
        {
            var cells = results.Select(result => result.Phases.Single(phase => phase.Label == label)).Select(Cell);
            Console.WriteLine($"{label,-14}" + string.Concat(cells));
        }

        if (results.Count == 2)
        {
            foreach (var label in results[0].Phases.Select(phase => phase.Label))
            {
                var ratio = results[0].Phases.Single(p => p.Label == label).PerSecond
                    / Math.Max(1, results[1].Phases.Single(p => p.Label == label).PerSecond);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {results[0].Provider}/{results[1].Provider}, {label}: {ratio:F1}×"));
            }
        }

        return results.All(result => result.Phases.All(phase => phase.Errors == 0)) ? 0 : 1;
    }

    private static string Cell(StoragePhase phase)
    {
        var sorted = phase.Latency;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{phase.PerSecond,9:N0}/s ({sorted.Percentile(50),6:F1} / {sorted.Percentile(99),6:F1}, {phase.CommitsPerWrite:F3})   ");
    }
}
