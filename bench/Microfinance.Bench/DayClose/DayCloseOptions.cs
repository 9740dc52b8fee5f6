using System.Globalization;
using Microfinance.Silo.Hosting;

namespace Microfinance.Bench.DayClose;

/// <summary>The command line of <c>dayclose</c>.</summary>
public sealed record DayCloseOptions
{
    /// <summary>Active loans imported before the measured day.</summary>
    public int Loans { get; init; } = 500_000;

    /// <summary>Loans with an event on the measured day; null means 1% of <see cref="Loans"/>.</summary>
    public int? Events { get; init; }

    /// <summary>Loans per household; a household with two borrows at both banks (一户多贷).</summary>
    public int LoansPerHousehold { get; init; } = 2;

    /// <summary>Counties (a province has about a hundred), townships per county and villages per township.</summary>
    public int Counties { get; init; } = 100;

    public int TownshipsPerCounty { get; init; } = 10;

    public int VillagesPerTownship { get; init; } = 10;

    /// <summary>
    /// Loans per import batch (one county's loans per batch): large enough that the per-county
    /// grains take few writes, small enough that a batch answers well within Orleans' 30 s
    /// response timeout on a busy machine.
    /// </summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Import batches in flight at once, each of a different county.</summary>
    public int ParallelBatches { get; init; } = 6;

    /// <summary>Silos started in this process.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>The grain-state provider the silos use.</summary>
    public GrainStorageProvider Storage { get; init; } = GrainStorageProvider.Batched;

    /// <summary>The measured business day; the import happens the day before.</summary>
    public DateOnly Day { get; init; } = new(2026, 7, 1);

    /// <summary>The SQL peer's day-close in milliseconds, measured in the same run, to print beside ours.</summary>
    public double? PeerMilliseconds { get; init; }

    /// <summary>Seed of the loan book (amounts, dates, which loans have the day's events).</summary>
    public int Seed { get; init; } = 20260701;

    /// <summary>Keep the benchmark database afterwards, to look at it.</summary>
    public bool KeepDatabase { get; init; }

    public string AdminConnectionString { get; init; } = BenchOptions.AdminConnectionFromEnvironment();

    /// <summary>Loans with an event on the measured day.</summary>
    public int EventLoans => Events ?? Loans / 100;

    public const string Usage = """
        Usage: Microfinance.Bench dayclose [options]

          --loans N              active loans imported before the measured day (default 500000)
          --events N             loans with an event on the measured day (default 1% of --loans)
          --loans-per-household N
                                 loans per household, at alternating banks (default 2)
          --counties N           counties (default 100), 2 fund accounts each
          --townships N          townships per county (default 10)
          --villages N           villages per township (default 10)
          --batch N              loans per import batch (default 1000)
          --parallel-batches N   import batches in flight (default 6)
          --silos N              silos started in this process (default 1)
          --storage batched|adonet
                                 grain-state provider of the silos (default batched)
          --day yyyy-MM-dd       the measured business day (default 2026-07-01, the SQL peer's)
          --peer-ms N            the SQL peer's day-close from the same run, printed beside ours
          --seed N               seed of the loan book
          --keep-database        do not drop the benchmark database afterwards

        PostgreSQL admin connection string: $MF_BENCH_POSTGRES
          (default Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable)
        """;

    /// <summary>Parses the options after the command name; throws <see cref="FormatException"/> with a message.</summary>
    public static DayCloseOptions Parse(IReadOnlyList<string> args)
    {
        var options = OptionPairs.Fold(
            args,
            new DayCloseOptions(),
            options => options with { KeepDatabase = true },
            static (options, name, value) => name switch
            {
                "--loans" => options with { Loans = BenchOptions.Range(name, value, 1, 9_999_999) },
                "--events" => options with { Events = BenchOptions.NonNegative(name, value) },
                "--loans-per-household" => options with { LoansPerHousehold = BenchOptions.Range(name, value, 1, 5) },
                "--counties" => options with { Counties = BenchOptions.Range(name, value, 1, 990) },
                "--townships" => options with { TownshipsPerCounty = BenchOptions.Range(name, value, 1, 999) },
                "--villages" => options with { VillagesPerTownship = BenchOptions.Range(name, value, 1, 999) },
                "--batch" => options with { BatchSize = BenchOptions.Positive(name, value) },
                "--parallel-batches" => options with { ParallelBatches = BenchOptions.Positive(name, value) },
                "--silos" => options with { Silos = BenchOptions.Positive(name, value) },
                "--storage" => options with { Storage = BenchOptions.ParseStorage(value) },
                "--day" => options with { Day = ParseDay(value) },
                "--peer-ms" => options with { PeerMilliseconds = ParsePeer(value) },
                "--seed" => options with { Seed = BenchOptions.NonNegative(name, value) },
                _ => throw new FormatException($"Unknown option {name}."),
            });

        if (options.EventLoans > options.Loans)
        {
            throw new FormatException($"--events {options.EventLoans} is more than --loans {options.Loans}.");
        }

        return options;
    }

    private static DateOnly ParseDay(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"--day takes a date as yyyy-MM-dd, not '{value}'.");

    private static double ParsePeer(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var peer) && peer > 0
            ? peer
            : throw new FormatException($"--peer-ms takes a positive number of milliseconds, not '{value}'.");
}
