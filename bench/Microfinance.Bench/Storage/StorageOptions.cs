using Microfinance.Silo.Hosting;

namespace Microfinance.Bench.Storage;

/// <summary>The command line of <c>storage</c>.</summary>
public sealed record StorageOptions
{
    /// <summary>Length of each timed phase.</summary>
    public int Seconds { get; init; } = 10;

    /// <summary>The parallel phases: this many grains, each writing back to back.</summary>
    public IReadOnlyList<int> GrainCounts { get; init; } = [64, 256, 1024];

    /// <summary>State size of each probe grain.</summary>
    public int PayloadBytes { get; init; } = 512;

    /// <summary>The providers measured, one fresh database and silo each, in this order.</summary>
    public IReadOnlyList<GrainStorageProvider> Providers { get; init; } = [GrainStorageProvider.Batched, GrainStorageProvider.AdoNet];

    public bool KeepDatabase { get; init; }

    public string AdminConnectionString { get; init; } = BenchOptions.AdminConnectionFromEnvironment();

    public const string Usage = """
        Usage: Microfinance.Bench storage [options]

          --seconds N        each timed phase (default 10)
          --grains N,N,...   the parallel phases' grain counts (default 64,256,1024); a phase of
                             one hot grain writing back to back always follows
          --bytes N          state size of each grain (default 512)
          --storage batched|adonet|both
                             the providers to measure, each on a fresh database (default both)
          --keep-database    do not drop the benchmark databases afterwards

        PostgreSQL admin connection string: $MF_BENCH_POSTGRES
          (default Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable)
        """;

    /// <summary>Parses the options after the command name; throws <see cref="FormatException"/> with a message.</summary>
    public static StorageOptions Parse(IReadOnlyList<string> args) => OptionPairs.Fold(
        args,
        new StorageOptions(),
        options => options with { KeepDatabase = true },
        static (options, name, value) => name switch
        {
            "--seconds" => options with { Seconds = BenchOptions.Positive(name, value) },
            "--grains" => options with { GrainCounts = [.. value.Split(',').Select(count => BenchOptions.Range(name, count, 1, 100_000))] },
            "--bytes" => options with { PayloadBytes = BenchOptions.Range(name, value, 0, 16 * 1024 * 1024) },
            "--storage" => options with
            {
                Providers = value == "both"
                    ? [GrainStorageProvider.Batched, GrainStorageProvider.AdoNet]
                    : [BenchOptions.ParseStorage(value)],
            },
            _ => throw new FormatException($"Unknown option {name}."),
        });
}
