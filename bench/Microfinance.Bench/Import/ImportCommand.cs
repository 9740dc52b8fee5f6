using System.CommandLine;

namespace Microfinance.Bench.Import;

/// <summary><c>import</c>: the registry import at province size (bench/run-import.sh publishes the host and the CLI and runs it).</summary>
public static class ImportCommand
{
    public static RootCommand Create()
    {
        var silo = new Option<string>("--silo") { Description = "Directory of the published host", Required = true };
        var cli = new Option<string>("--cli") { Description = "Directory of the published operators' CLI", Required = true };
        var counties = new Option<int>("--counties") { Description = "Counties", DefaultValueFactory = _ => 129 };
        var townships = new Option<int>("--townships") { Description = "Townships per county", DefaultValueFactory = _ => 11 };
        var villages = new Option<int>("--villages") { Description = "Villages per township", DefaultValueFactory = _ => 10 };
        var households = new Option<int>("--households") { Description = "Rows of the export", DefaultValueFactory = _ => 1_500_000 };
        var encoding = new Option<string>("--encoding") { Description = "The export's encoding", DefaultValueFactory = _ => "gbk" };
        encoding.AcceptOnlyFromAmong("utf8", "gbk");
        var logs = new Option<string>("--logs")
        {
            Description = "Directory of the silo's log and the export file",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), $"mf-import-{DateTime.UtcNow:yyyyMMdd-HHmmss}"),
        };
        var keep = new Option<bool>("--keep-database") { Description = "Keep the database afterwards, to look at it" };
        var command = new RootCommand("The registry import of a province's household export through the operators' CLI and the gRPC API.")
        {
            silo, cli, counties, townships, villages, households, encoding, logs, keep,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ImportSettings(
                Path.GetFullPath(parse.GetRequiredValue(silo)),
                Path.GetFullPath(parse.GetRequiredValue(cli)),
                parse.GetValue(counties),
                parse.GetValue(townships),
                parse.GetValue(villages),
                parse.GetValue(households),
                parse.GetRequiredValue(encoding),
                BenchOptions.AdminConnectionFromEnvironment(),
                parse.GetValue(keep),
                parse.GetRequiredValue(logs));
            return await new ImportBenchmark(settings).RunAsync(ct) ? 0 : 1;
        });
        return command;
    }
}
