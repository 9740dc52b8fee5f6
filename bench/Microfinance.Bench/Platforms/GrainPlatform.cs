using System.Net;
using Microfinance.Bench.Origination;
using Microfinance.Grains.Common;
using Microfinance.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Microfinance.Bench.Platforms;

/// <summary>
/// Silos configured as the host's PostgreSQL profile configures them (fixed ServiceId,
/// <see cref="SiloBuilderExtensions.UseMicrofinanceGrains"/>,
/// <see cref="SiloBuilderExtensions.UseMicrofinancePostgres"/>), without the gRPC layer: workers
/// call the grains through each silo's own grain factory, as the gRPC services do.
/// </summary>
public sealed class GrainPlatform : IPlatform
{
    private readonly IReadOnlyList<IHost> _silos;
    private readonly IReadOnlyList<IGrainFactory> _factories;

    private GrainPlatform(IReadOnlyList<IHost> silos)
    {
        _silos = silos;
        _factories = [.. silos.Select(silo => silo.Services.GetRequiredService<IGrainFactory>())];
    }

    public string Description => $"grains direct (co-hosted grain calls), {_silos.Count} silo(s)";

    public IGrainFactory Grains => _factories[0];

    /// <param name="businessTime">The business clock's time source; null for the system clock, as in production.</param>
    public static async Task<GrainPlatform> StartAsync(
        string connectionString, int silos, GrainStorageProvider storage, CancellationToken ct, TimeProvider? businessTime = null)
    {
        var clusterId = $"mf-bench-{Guid.NewGuid():N}";
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                var builder = Host.CreateApplicationBuilder();
                builder.Logging.SetMinimumLevel(LogLevel.Warning);

                // Its first check after start-up reports the time since boot as a stall.
                builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
                builder.UseOrleans(silo =>
                {
                    silo.Configure<ClusterOptions>(cluster =>
                    {
                        cluster.ServiceId = SiloIdentity.ServiceId;
                        cluster.ClusterId = clusterId;
                    });
                    silo.ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), FreePort.Next());
                    if (businessTime is not null)
                    {
                        silo.Services.AddSingleton(new BusinessClock(businessTime));
                    }

                    silo.UseMicrofinanceGrains();
                    silo.UseMicrofinancePostgres(connectionString, storage);
                });
                var host = builder.Build();
                hosts.Add(host);
                await host.StartAsync(ct);
            }
        }
        catch
        {
            await StopAsync(hosts);
            throw;
        }

        return new GrainPlatform(hosts);
    }

    public IOriginator OriginatorFor(int client) => new GrainOriginator(_factories[client % _factories.Count]);

    public ValueTask DisposeAsync() => new(StopAsync(_silos));

    private static async Task StopAsync(IEnumerable<IHost> hosts)
    {
        foreach (var host in hosts.Reverse())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        }
    }
}
