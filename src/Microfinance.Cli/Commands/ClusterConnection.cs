using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Microfinance.Cli.Commands;

/// <summary>An Orleans client of the cluster, found through the membership table in PostgreSQL.</summary>
internal sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>The platform's service id, fixed: it names the grain state in the database.</summary>
    private const string ServiceId = "microfinance";

    private readonly IHost _host;

    private ClusterConnection(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterConnection> OpenAsync(string connectionString, string clusterId, CancellationToken ct)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (ServiceId, clusterId))
                .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", connectionString)))
            .Build();
        await host.StartAsync(ct);
        return new ClusterConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
