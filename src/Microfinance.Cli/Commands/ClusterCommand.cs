using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Microfinance.Cli.Commands;

/// <summary>
/// <c>microfinance cluster</c>: the operators' view of a running cluster, from an Orleans client that
/// finds the silos in the membership table: each silo with its status and load, and the activations
/// per grain type.
/// </summary>
internal static class ClusterCommand
{
    /// <summary>The platform's service id, fixed: it names the grain state in the database.</summary>
    private const string ServiceId = "microfinance";

    private const string Usage = $"""
        usage: microfinance cluster [--connection <connection-string>] [--cluster-id <id>]

        Lists the cluster's silos with their status and load, and the activations per grain type.

        options:
          --connection <cs>   Npgsql connection string of a role that can read the membership table
                              (default: the {MigrateCommand.ConnectionVariable} environment variable)
          --cluster-id <id>   the silos' Microfinance:ClusterId (default microfinance-dev)
          -h, --help          show this help
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        string? connectionString = null;
        var clusterId = "microfinance-dev";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return ExitCodes.Ok;
                case "--connection" or "--cluster-id" when i + 1 == args.Count || string.IsNullOrWhiteSpace(args[i + 1]):
                    error.WriteLine($"microfinance cluster: option '{args[i]}' needs a value");
                    return ExitCodes.Usage;
                case "--connection":
                    connectionString = args[++i];
                    break;
                case "--cluster-id":
                    clusterId = args[++i];
                    break;
                default:
                    error.WriteLine($"microfinance cluster: unexpected argument '{args[i]}'");
                    return ExitCodes.Usage;
            }
        }

        connectionString ??= Environment.GetEnvironmentVariable(MigrateCommand.ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error.WriteLine($"microfinance cluster: no connection string: pass --connection or set {MigrateCommand.ConnectionVariable}");
            return ExitCodes.Usage;
        }

        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (ServiceId, clusterId))
                .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", connectionString)))
            .Build();
        await host.StartAsync(ct);
        var report = await ClusterReport.ReadAsync(host.Services.GetRequiredService<IClusterClient>());
        report.Write(output);
        await host.StopAsync(ct);
        return ExitCodes.Ok;
    }
}
