using System.CommandLine;

namespace Microfinance.Cli.Commands;

/// <summary>The <c>--connection</c> option: a PostgreSQL connection string, by default from <see cref="Variable"/>.</summary>
internal static class ConnectionOption
{
    public const string Variable = "MICROFINANCE_POSTGRES";

    /// <param name="whose">Whose connection it is, for the help: e.g. "the schema owner".</param>
    public static Option<string> Create(string whose)
    {
        var option = new Option<string>("--connection")
        {
            Description = $"Npgsql connection string of {whose} (default: the {Variable} environment variable)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Variable) ?? "",
        };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"No connection string: pass --connection or set {Variable}.");
            }
        });
        return option;
    }
}
