using Microfinance.Schema;

namespace Microfinance.Cli.Commands;

/// <summary><c>microfinance migrate</c>: brings a PostgreSQL database to the current schema.</summary>
internal static class MigrateCommand
{
    public const string ConnectionVariable = "MICROFINANCE_POSTGRES";

    private const string Usage = $"""
        usage: microfinance migrate [--connection <connection-string>] [--grant-to <role>]

        Applies the schema migrations the database does not have yet; running it again is a no-op.

        options:
          --connection <cs>   Npgsql connection string of the schema owner
                              (default: the {ConnectionVariable} environment variable)
          --grant-to <role>   existing role the silos connect as: grants it the least privileges a
                              silo needs to run, never ownership
          -h, --help          show this help
        """;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        string? connectionString = null;
        string? grantTo = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return ExitCodes.Ok;
                case "--connection" or "--grant-to" when i + 1 == args.Count || string.IsNullOrWhiteSpace(args[i + 1]):
                    return UsageError(error, $"option '{args[i]}' needs a value");
                case "--connection":
                    connectionString = args[++i];
                    break;
                case "--grant-to":
                    grantTo = args[++i];
                    break;
                default:
                    return UsageError(error, $"unexpected argument '{args[i]}'");
            }
        }

        connectionString ??= Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return UsageError(error, $"no connection string: pass --connection or set {ConnectionVariable}");
        }

        MigrationReport report;
        try
        {
            report = await new SchemaMigrator(connectionString).MigrateAsync(grantTo, ct);
        }
        catch (Exception exception)
        {
            // Operators get one line; PostgreSQL's own message (with its SQLSTATE) says what went wrong.
            error.WriteLine($"microfinance migrate: failed: {exception.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }

        foreach (var id in report.Applied)
        {
            output.WriteLine($"applied {id}");
        }

        output.WriteLine(report.Applied.Count == 0
            ? $"nothing to apply: all {report.AlreadyPresent.Count} migrations already present"
            : $"{report.Applied.Count} applied, {report.AlreadyPresent.Count} already present");
        if (report.GrantedTo is not null)
        {
            output.WriteLine($"granted silo privileges to role '{report.GrantedTo}'");
        }

        return ExitCodes.Ok;
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine($"microfinance migrate: {message} (see microfinance migrate --help)");
        return ExitCodes.Usage;
    }
}
