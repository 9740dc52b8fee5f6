using Microfinance.Abstractions.Serialization;
using Microfinance.Grains;
using Microfinance.Grains.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microfinance.Silo.Hosting;

/// <summary>The two storage profiles of a silo; tests configure their silos through these too.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// The embedded profile: one silo, localhost clustering, state and reminders in memory.
    /// Nothing survives a restart.
    /// </summary>
    public static ISiloBuilder UseMicrofinanceEmbedded(this ISiloBuilder silo) => silo
        .AddMemoryGrainStorage(GrainStorage.Name)
        .UseInMemoryReminderService();

    /// <summary>
    /// The PostgreSQL profile: membership, grain state and reminders in the schema that
    /// <c>microfinance migrate</c> creates. The silo's role needs only the grants migrate gives.
    /// </summary>
    public static ISiloBuilder UseMicrofinancePostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = SiloIdentity.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(GrainStorage.Name, options =>
        {
            options.Invariant = SiloIdentity.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = SiloIdentity.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>Services every silo needs, whatever its profile.</summary>
    public static ISiloBuilder UseMicrofinanceGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(new BusinessClock(TimeProvider.System));
        silo.Services.AddMicrofinanceSerialization();
        return silo;
    }
}
