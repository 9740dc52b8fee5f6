using System.CommandLine;

namespace Microfinance.Cli.Commands;

/// <summary>
/// <c>microfinance cluster</c>: the operators' view of a running cluster, from an Orleans client:
/// each silo with its status and load, and the activations per grain type; <c>cluster drain</c>
/// takes one silo out gracefully.
/// </summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var connection = ConnectionOption.Create("a role that can read the membership table");
        var clusterId = new Option<string>("--cluster-id")
        {
            Description = "The silos' Microfinance:ClusterId",
            DefaultValueFactory = _ => "microfinance-dev",
        };
        var command = new Command("cluster", "Lists the cluster's silos with their status and load, and the activations per grain type.")
        {
            connection,
            clusterId,
            CreateDrain(connection, clusterId),
        };
        connection.Recursive = true;
        clusterId.Recursive = true;
        command.SetAction(async (parse, ct) =>
        {
            await using var cluster = await ClusterConnection.OpenAsync(parse.GetRequiredValue(connection), parse.GetRequiredValue(clusterId), ct);
            var report = await ClusterReport.ReadAsync(cluster.Client);
            report.Write(Terminal.For(parse.InvocationConfiguration));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateDrain(Option<string> connection, Option<string> clusterId)
    {
        var silo = new Argument<string>("silo")
        {
            Description = "The silo to drain: its name (a pod's name in Kubernetes) or its address host:port, as `cluster` lists them",
        };
        var waitSeconds = new Option<int>("--wait-seconds")
        {
            Description = "How long to wait for the silo to leave the cluster (0: do not wait)",
            DefaultValueFactory = _ => 120,
        };
        var drain = new Command(
            "drain",
            "Takes one silo out of the cluster gracefully: it stops taking calls, hands its grains to the other silos, leaves and exits.")
        {
            silo,
            waitSeconds,
        };
        drain.SetAction(async (parse, ct) =>
        {
            await using var cluster = await ClusterConnection.OpenAsync(parse.GetRequiredValue(connection), parse.GetRequiredValue(clusterId), ct);
            var wait = TimeSpan.FromSeconds(parse.GetValue(waitSeconds));
            return await new SiloDrain(cluster.Client).RunAsync(parse.GetRequiredValue(silo), wait, parse.InvocationConfiguration, ct);
        });
        return drain;
    }
}
