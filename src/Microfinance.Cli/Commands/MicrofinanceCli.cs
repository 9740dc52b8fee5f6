using System.CommandLine;

namespace Microfinance.Cli.Commands;

/// <summary>The operators' command line: <c>microfinance &lt;command&gt;</c>.</summary>
internal static class MicrofinanceCli
{
    public static RootCommand Create() => new("The operators' tool of OrleansMicrofinance.")
    {
        MigrateCommand.Create(),
        ClusterCommand.Create(),
        ImportCommand.Create(),
    };
}
