using Microfinance.Cli.Commands;

const string Usage = """
    usage: microfinance <command> [options]

    commands:
      migrate    apply the PostgreSQL schema migrations (microfinance migrate --help)
      cluster    the running cluster's silos, their status and load, and the activations per grain type
    """;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

switch (args)
{
    case ["-h" or "--help" or "help"]:
        Console.Out.WriteLine(Usage);
        return ExitCodes.Ok;
    case ["migrate", .. var options]:
        return await MigrateCommand.RunAsync(options, Console.Out, Console.Error, cancellation.Token);
    case ["cluster", .. var options]:
        return await ClusterCommand.RunAsync(options, Console.Out, Console.Error, cancellation.Token);
    case []:
        Console.Error.WriteLine(Usage);
        return ExitCodes.Usage;
    default:
        Console.Error.WriteLine($"microfinance: unknown command '{args[0]}' (see microfinance --help)");
        return ExitCodes.Usage;
}
