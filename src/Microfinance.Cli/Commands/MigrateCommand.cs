using System.CommandLine;
using Microfinance.Schema;

namespace Microfinance.Cli.Commands;

/// <summary><c>microfinance migrate</c>: brings a PostgreSQL database to the current schema.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var connection = ConnectionOption.Create("the schema owner");
        var grantTo = new Option<string?>("--grant-to")
        {
            Description = "Existing role the silos connect as: grants it the least privileges a silo needs to run, never ownership",
        };
        var command = new Command("migrate", "Applies the schema migrations the database does not have yet; running it again is a no-op.")
        {
            connection,
            grantTo,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetRequiredValue(connection), parse.GetValue(grantTo), parse.InvocationConfiguration, ct));
        return command;
    }

    private static async Task<int> RunAsync(string connectionString, string? grantTo, InvocationConfiguration console, CancellationToken ct)
    {
        MigrationReport report;
        try
        {
            report = await new SchemaMigrator(connectionString).MigrateAsync(grantTo, ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Operators get one line; PostgreSQL's own message (with its SQLSTATE) says what went wrong.
            console.Error.WriteLine($"microfinance migrate: failed: {exception.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }

        foreach (var id in report.Applied)
        {
            console.Output.WriteLine($"applied {id}");
        }

        console.Output.WriteLine(report.Applied.Count == 0
            ? $"nothing to apply: all {report.AlreadyPresent.Count} migrations already present"
            : $"{report.Applied.Count} applied, {report.AlreadyPresent.Count} already present");
        if (report.GrantedTo is not null)
        {
            console.Output.WriteLine($"granted silo privileges to role '{report.GrantedTo}'");
        }

        return ExitCodes.Ok;
    }
}
