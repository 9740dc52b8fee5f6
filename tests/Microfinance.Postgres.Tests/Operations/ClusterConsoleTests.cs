using System.CommandLine;
using Microfinance.Abstractions.Regions;
using Microfinance.Cli.Commands;
using Microfinance.Postgres.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Operations;

/// <summary>The operators' console (<c>microfinance cluster</c>) against two silos on PostgreSQL, found through the membership table.</summary>
public sealed class ClusterConsoleTests
{
    [Fact]
    public async Task TheConsoleListsEverySiloAsActiveAndTheActivationsPerGrainType()
    {
        await using var database = await MigratedDatabase.CreateAsync("mf_console");
        var cluster = await PlatformCluster.StartAsync(database.SiloConnectionString, silos: 2, sockets: true);
        try
        {
            await cluster.GrainFactory.GetRegion(Domain.Regions.AdminCode.Parse("53")).CreateAsync("云南省", "create-53");

            var (exit, output, error) = await RunAsync("cluster", "--connection", database.SiloConnectionString, "--cluster-id", cluster.Options.ClusterId);

            Assert.Equal((0, ""), (exit, error));
            var lines = output.Split('\n');
            Assert.Equal(2, lines.Count(line => line.Contains(" Active ", StringComparison.Ordinal)));
            Assert.Contains(lines, line => line.Contains("ProvinceGrain", StringComparison.Ordinal));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task DrainAsksTheNamedSiloAloneToStopAndWaitsUntilItHasLeft()
    {
        await using var database = await MigratedDatabase.CreateAsync("mf_drain");
        var cluster = await PlatformCluster.StartAsync(database.SiloConnectionString, silos: 2, sockets: true);
        try
        {
            var (kept, drained) = (cluster.Silos[0], cluster.Silos[1]);
            var stopping = Stopping(cluster, drained);

            var drain = RunAsync(
                "cluster", "drain", drained.Name, "--wait-seconds", "60",
                "--connection", database.SiloConnectionString, "--cluster-id", cluster.Options.ClusterId);
            await stopping.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.False(Stopping(cluster, kept).IsCompleted);

            // A silo's host stops when asked (Program's app.Run); a test cluster's host does not, so the
            // test stops it as the host would, and the console sees it leave.
            await cluster.StopSiloAsync(drained);
            var (exit, output, error) = await drain;
            Assert.Equal((0, ""), (exit, error));
            Assert.Contains($"{drained.Name} left the cluster after", output, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task DrainRefusesASiloNotInTheClusterAndTheLastActiveSilo()
    {
        await using var database = await MigratedDatabase.CreateAsync("mf_drain_refused");
        var cluster = await PlatformCluster.StartAsync(database.SiloConnectionString, silos: 1, sockets: true);
        try
        {
            string[] target = ["--connection", database.SiloConnectionString, "--cluster-id", cluster.Options.ClusterId];

            var unknown = await RunAsync(["cluster", "drain", "no-such-silo", .. target]);
            var last = await RunAsync(["cluster", "drain", cluster.Silos[0].Name, .. target]);

            Assert.Equal(1, unknown.Exit);
            Assert.Contains("no active silo is named 'no-such-silo'", unknown.Error, StringComparison.Ordinal);
            Assert.Equal(1, last.Exit);
            Assert.Contains("is the only active silo", last.Error, StringComparison.Ordinal);
            Assert.False(Stopping(cluster, cluster.Silos[0]).IsCompleted);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await MicrofinanceCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Completes when the silo's host is asked to stop.</summary>
    private static Task Stopping(TestCluster cluster, SiloHandle silo)
    {
        var stopping = cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stopping.Register(() => asked.TrySetResult());
        return asked.Task;
    }
}
