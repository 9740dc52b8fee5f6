using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Microfinance.Storage;

/// <summary>Registers <see cref="PostgresGrainStorage"/> on a silo.</summary>
public static class PostgresGrainStorageExtensions
{
    /// <summary>
    /// Adds a batching PostgreSQL grain storage under <paramref name="name"/>. State is serialized
    /// with the silo's <see cref="IGrainStorageSerializer"/> and keyed by the cluster's ServiceId.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(
        this ISiloBuilder silo, string name, Action<PostgresGrainStorageOptions> configure)
    {
        silo.Services.AddOptions<PostgresGrainStorageOptions>(name).Configure(configure);
        silo.Services.AddGrainStorage(name, (services, key) => new PostgresGrainStorage(
            key,
            services.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>().Get(key),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<ILogger<PostgresGrainStorage>>()));
        return silo;
    }

    /// <summary>
    /// Serves <paramref name="alias"/> from the storage registered as <paramref name="name"/>: one
    /// provider, so one write queue, for both names. Rows stay apart by grain id and state name.
    /// </summary>
    public static ISiloBuilder AddGrainStorageAlias(this ISiloBuilder silo, string alias, string name)
    {
        silo.Services.AddKeyedSingleton(alias, (services, _) => services.GetRequiredKeyedService<IGrainStorage>(name));
        return silo;
    }
}
