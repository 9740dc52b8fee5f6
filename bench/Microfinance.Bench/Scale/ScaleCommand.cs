using System.CommandLine;

namespace Microfinance.Bench.Scale;

/// <summary><c>scale</c>: the multi-silo scenario (bench/run-scale.sh publishes the host and the CLI and runs it).</summary>
public static class ScaleCommand
{
    public static RootCommand Create()
    {
        var silo = new Option<string>("--silo") { Description = "Directory of the published host", Required = true };
        var cli = new Option<string>("--cli") { Description = "Directory of the published operators' CLI", Required = true };
        var phaseSeconds = new Option<int>("--phase-seconds") { Description = "Length of each steady phase", DefaultValueFactory = _ => 20 };
        var clients = new Option<int>("--clients") { Description = "gRPC clients originating at once", DefaultValueFactory = _ => 64 };
        var counties = new Option<int>("--counties") { Description = "Counties the load lends in", DefaultValueFactory = _ => 16 };
        var logs = new Option<string>("--logs")
        {
            Description = "Directory of the silos' logs",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), $"mf-scale-{DateTime.UtcNow:yyyyMMdd-HHmmss}"),
        };
        var keep = new Option<bool>("--keep-database") { Description = "Keep the database afterwards, to look at it" };
        var command = new RootCommand("Lending season on a cluster of silo processes that grows, is drained and loses a silo under load.")
        {
            silo, cli, phaseSeconds, clients, counties, logs, keep,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ScaleSettings(
                Path.GetFullPath(parse.GetRequiredValue(silo)),
                Path.GetFullPath(parse.GetRequiredValue(cli)),
                parse.GetValue(phaseSeconds),
                parse.GetValue(clients),
                parse.GetValue(counties),
                BenchOptions.AdminConnectionFromEnvironment(),
                parse.GetValue(keep),
                parse.GetRequiredValue(logs));
            return await new ScaleScenario(settings).RunAsync(ct) ? 0 : 1;
        });
        return command;
    }
}
