using Microfinance.Abstractions.Regions;
using Microfinance.Cli.Commands;
using Microfinance.Postgres.Tests.Registry;

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
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await ClusterCommand.RunAsync(
                ["--connection", database.SiloConnectionString, "--cluster-id", cluster.Options.ClusterId], output, error, CancellationToken.None);

            Assert.Equal((0, ""), (exit, error.ToString()));
            var lines = output.ToString().Split('\n');
            Assert.Equal(2, lines.Count(line => line.Contains(" Active ", StringComparison.Ordinal)));
            Assert.Contains(lines, line => line.Contains("ProvinceGrain", StringComparison.Ordinal));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
