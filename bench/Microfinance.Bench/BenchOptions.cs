using System.Globalization;
using Microfinance.Silo.Api.Loans;
using Microfinance.Silo.Hosting;

namespace Microfinance.Bench;

/// <summary>The command line of <c>origination</c>; the parsing helpers serve <c>dayclose</c> too.</summary>
public sealed record BenchOptions
{
    public const string AdminConnectionVariable = "MF_BENCH_POSTGRES";

    private const string DefaultAdminConnectionString = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable";

    /// <summary>
    /// Length of the untimed run of the same work before each timed phase: a fresh process spends
    /// its first seconds compiling the lending path (measured: a fifth of the CPU in the JIT), and
    /// the first run of a phase's work went at about half speed, which a silo in service has long
    /// been past. 0 skips the warm-ups.
    /// </summary>
    public int WarmupSeconds { get; init; } = 5;

    /// <summary>Length of the timed full-origination run.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>Length of the timed approve+disburse run, one call per step or in the bank's streams; 0 skips it.</summary>
    public int StageSeconds { get; init; } = 10;

    /// <summary>Concurrent workers, each with households of its own.</summary>
    public int Clients { get; init; } = 64;

    /// <summary>Silos started in this process.</summary>
    public int Silos { get; init; } = 1;

    /// <summary>The bank's streams (<see cref="Transport.Stream"/>): StreamBankDecisions calls open at once.</summary>
    public int Streams { get; init; } = 8;

    /// <summary>
    /// Decisions each bank's stream keeps sent and unanswered, an approval and its disbursement two: at
    /// most the server's bound, beyond which it reads no further and a decision would only wait in the pipe.
    /// </summary>
    public int InFlight { get; init; } = BankDecisionStream.MaxInFlight;

    /// <summary>Loans the bank's streams have in flight at once.</summary>
    public int StreamedLoansInFlight => Streams * (InFlight / 2);

    /// <summary>The transports to measure, one fresh database and cluster each.</summary>
    public IReadOnlyList<Transport> Transports { get; init; } = [Transport.Grains];

    /// <summary>The shapes to measure, one fresh database and cluster each (per transport).</summary>
    public IReadOnlyList<OriginationShape> Shapes { get; init; } = [OriginationShape.ManyCounties];

    /// <summary>The grain-state provider the silos use.</summary>
    public GrainStorageProvider Storage { get; init; } = GrainStorageProvider.Batched;

    /// <summary>The SQL peer's disbursements/s measured in the same run, to print beside ours.</summary>
    public double? Peer { get; init; }

    /// <summary>
    /// Counties of the many-county shape (2 fund accounts each), townships per county and villages
    /// per township; the one-county shape has one county of the same size.
    /// </summary>
    public int Counties { get; init; } = 16;

    public int TownshipsPerCounty { get; init; } = 4;

    public int VillagesPerTownship { get; init; } = 8;

    /// <summary>Households registered before the timed run; 0 sizes them from clients and seconds.</summary>
    public int Households { get; init; }

    /// <summary>Keep the benchmark database afterwards, to look at it.</summary>
    public bool KeepDatabase { get; init; }

    /// <summary>Npgsql settings appended to the silos' connection string, for experiments (e.g. <c>No Reset On Close=true</c>).</summary>
    public string? SiloConnectionSettings { get; init; }

    /// <summary>Watches of each county's dashboard that follow a gRPC run and report event-to-dashboard latency; 0 for none.</summary>
    public int DashboardWatchers { get; init; }

    /// <summary>Seed of the loan amounts.</summary>
    public int Seed { get; init; } = 20260101;

    public string AdminConnectionString { get; init; } = AdminConnectionFromEnvironment();

    public static readonly string Usage = $"""
        Usage: Microfinance.Bench origination [options]

          --warmup-seconds N   untimed run of the same work before each timed phase, while the
                               JIT compiles (default 5; 0 skips the warm-ups)
          --seconds N          timed full-origination run (default 20)
          --stage-seconds N    timed approve+disburse-only run (default 10; 0 skips it, and
                               --via stream, which runs only that, needs it)
          --clients N          concurrent workers calling step by step (default 64)
          --silos N            silos started in this process (default 1)
          --via grains|grpc|stream|both|all
                               call the grains co-hosted with the silo, the real gRPC host one
                               call per step, or the real host's StreamBankDecisions as a bank
                               does (approve+disburse only); both is grains then grpc, all is
                               grains, grpc and stream (default grains)
          --streams N          bank's streams open at once for --via stream (default 8)
          --in-flight N        decisions each stream keeps sent and unanswered, an approval and
                               its disbursement two (default and most {BankDecisionStream.MaxInFlight}, the server's bound)
          --shape many-counties|one-county|both
                               households spread over all the counties, all in one county (a
                               county bank's day), or both one after the other (default many-counties)
          --storage batched|adonet
                               grain-state provider of the silos (default batched, the platform's own)
          --peer N             the SQL peer's disbursements/s from the same run, printed beside ours
          --counties N         counties of the many-county shape (default 16), 2 fund accounts each
          --townships N        townships per county (default 4)
          --villages N         villages per township (default 8)
          --households N       households registered before the timed run (default: sized from
                               clients and seconds)
          --dashboards N       with --via grpc: N watches of each county's dashboard (WatchCounty)
                               follow the run, which then prints event-to-dashboard latency (default 0)
          --seed N             seed of the loan amounts
          --npgsql "K=V;..."   extra Npgsql settings for the silos' connection string (experiments;
                               the default is the production string plus Max Auto Prepare=20)
          --keep-database      do not drop the benchmark database afterwards

        PostgreSQL admin connection string: $MF_BENCH_POSTGRES
          (default Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;SSL Mode=Disable)
        """;

    /// <summary>Parses the options after the command name; throws <see cref="FormatException"/> with a message.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = OptionPairs.Fold(
            args,
            new BenchOptions(),
            options => options with { KeepDatabase = true },
            static (options, name, value) => name switch
            {
                "--warmup-seconds" => options with { WarmupSeconds = NonNegative(name, value) },
                "--seconds" => options with { Seconds = Positive(name, value) },
                "--stage-seconds" => options with { StageSeconds = NonNegative(name, value) },
                "--clients" => options with { Clients = Positive(name, value) },
                "--silos" => options with { Silos = Positive(name, value) },
                "--streams" => options with { Streams = Range(name, value, 1, 999) },
                "--in-flight" => options with { InFlight = Range(name, value, 2, BankDecisionStream.MaxInFlight) },
                "--via" => options with { Transports = ParseTransports(value) },
                "--shape" => options with { Shapes = ParseShapes(value) },
                "--storage" => options with { Storage = ParseStorage(value) },
                "--peer" => options with { Peer = ParsePeer(value) },
                "--counties" => options with { Counties = Range(name, value, 1, 99) },
                "--townships" => options with { TownshipsPerCounty = Range(name, value, 1, 999) },
                "--villages" => options with { VillagesPerTownship = Range(name, value, 1, 999) },
                "--households" => options with { Households = Positive(name, value) },
                "--dashboards" => options with { DashboardWatchers = Range(name, value, 0, 99) },
                "--seed" => options with { Seed = NonNegative(name, value) },
                "--npgsql" => options with { SiloConnectionSettings = value },
                _ => throw new FormatException($"Unknown option {name}."),
            });
        if (options.Transports.Contains(Transport.Stream) && options.StageSeconds == 0)
        {
            throw new FormatException("--via stream measures only approve+disburse, so --stage-seconds must be more than 0.");
        }

        return options;
    }

    private static IReadOnlyList<Transport> ParseTransports(string value) => value switch
    {
        "grains" => [Transport.Grains],
        "grpc" => [Transport.Grpc],
        "stream" => [Transport.Stream],
        "both" => [Transport.Grains, Transport.Grpc],
        "all" => [Transport.Grains, Transport.Grpc, Transport.Stream],
        _ => throw new FormatException($"--via takes grains, grpc, stream, both or all, not {value}."),
    };

    private static IReadOnlyList<OriginationShape> ParseShapes(string value) => value switch
    {
        "many-counties" => [OriginationShape.ManyCounties],
        "one-county" => [OriginationShape.OneCounty],
        "both" => [OriginationShape.ManyCounties, OriginationShape.OneCounty],
        _ => throw new FormatException($"--shape takes many-counties, one-county or both, not {value}."),
    };

    internal static GrainStorageProvider ParseStorage(string value) => value switch
    {
        "batched" => GrainStorageProvider.Batched,
        "adonet" => GrainStorageProvider.AdoNet,
        _ => throw new FormatException($"--storage takes batched or adonet, not {value}."),
    };

    private static double ParsePeer(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var peer) && peer > 0
            ? peer
            : throw new FormatException($"--peer takes a positive number of disbursements/s, not '{value}'.");

    /// <summary>The PostgreSQL admin connection string: <c>$MF_BENCH_POSTGRES</c>, or postgres/postgres on 127.0.0.1.</summary>
    internal static string AdminConnectionFromEnvironment() =>
        Environment.GetEnvironmentVariable(AdminConnectionVariable) is { Length: > 0 } configured
            ? configured
            : DefaultAdminConnectionString;

    internal static int Positive(string name, string value) => Range(name, value, 1, int.MaxValue);

    internal static int NonNegative(string name, string value) => Range(name, value, 0, int.MaxValue);

    internal static int Range(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{name} takes a whole number from {min} to {max}, not '{value}'.");
}
