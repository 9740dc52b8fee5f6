using System.Data.Common;
using Microfinance.Abstractions.Serialization;
using Microfinance.Grains;
using Microfinance.Grains.Calendar;
using Microfinance.Grains.Common;
using Microfinance.Grains.Events;
using Microfinance.Grains.Households;
using Microfinance.Grains.Metrics;
using Microfinance.Grains.Operations;
using Microfinance.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Providers;

namespace Microfinance.Silo.Hosting;

/// <summary>The two storage profiles of a silo; tests configure their silos through these too.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// The embedded profile: one silo, localhost clustering, state, stream subscriptions and
    /// reminders in memory. Nothing survives a restart.
    /// </summary>
    public static ISiloBuilder UseMicrofinanceEmbedded(this ISiloBuilder silo) => silo
        .AddMemoryGrainStorage(GrainStorage.Name)
        .AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME)
        .UseInMemoryReminderService();

    /// <summary>
    /// The PostgreSQL profile: membership, grain state, stream subscriptions and reminders in the
    /// schema that <c>microfinance migrate</c> creates. The silo's role needs only the grants
    /// migrate gives.
    /// </summary>
    /// <param name="storage">
    /// Which provider keeps grain state: the platform's batching one (the default), or the stock
    /// ADO.NET one. Each has its own table; migrate moved the ADO.NET provider's rows to the
    /// batching provider's table, so a database keeps the provider it was migrated for.
    /// </param>
    public static ISiloBuilder UseMicrofinancePostgres(
        this ISiloBuilder silo, string connectionString, GrainStorageProvider storage = GrainStorageProvider.Batched)
    {
        connectionString = TuneForSilo(connectionString);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = SiloIdentity.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        if (storage == GrainStorageProvider.Batched)
        {
            // Subscriptions to the county event streams share the grains' provider, so their
            // writes join the same batches.
            silo.AddPostgresGrainStorage(GrainStorage.Name, options => options.ConnectionString = connectionString);
            silo.AddGrainStorageAlias(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, GrainStorage.Name);

            // It serializes on the grain's scheduler, so reentrant grains need not copy their state.
            silo.Services.Configure<WorkingCopyOptions>(options => options.CopyBeforeWrite = false);
        }
        else
        {
            silo.AddAdoNetGrainStorage(GrainStorage.Name, options =>
            {
                options.Invariant = SiloIdentity.PostgresInvariant;
                options.ConnectionString = connectionString;
            });

            // Subscriptions to the county event streams, in the same table and the same serializer
            // (the one AddMicrofinanceSerialization registers) as grain state.
            silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options =>
            {
                options.Invariant = SiloIdentity.PostgresInvariant;
                options.ConnectionString = connectionString;
            });
        }

        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = SiloIdentity.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new GrainStateTableCheck(connectionString, storage, services.GetRequiredService<IOptions<ClusterOptions>>()));

        // Every silo of the database reads the same pepper, so a claim made on one is found on all.
        silo.Services.AddSingleton<IResidentIdKey>(_ => ResidentIdPepperTable.Read(connectionString));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ResidentIdKeyAtStartup>();
        return silo;
    }

    /// <summary>
    /// Connection settings for the silos' many short statements, unless the operator set them:
    /// prepared statements are reused per connection (Max Auto Prepare); a pooled connection is
    /// not reset on return (No Reset On Close) — the providers' statements change no session state,
    /// and the reset would cost a round trip per statement (measured: half the commits of a loan);
    /// and the pool stays well below PostgreSQL's default 100 connections (Maximum Pool Size, 24):
    /// it serves Orleans' ADO.NET providers, whose reminder writes take a connection each, and
    /// beside it a silo holds at most 4 for the grain storage's batches and 3 for the audit trail,
    /// about 31 in all. Three silos fit a default server; more need a smaller pool or a larger
    /// server (the README's runbook). Measured: 12 cost a fifth of a single silo's originations, as
    /// approvals waited for a connection to register their reminders; Npgsql's default of 100 ran a
    /// server out of connections under load.
    /// </summary>
    private static string TuneForSilo(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // Npgsql's builder says it contains every keyword it knows, set or not; the keywords the
        // operator set are those of its connection string, which names each by its canonical name.
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 20;
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Maximum Pool Size"))
        {
            builder.MaxPoolSize = 24;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Services every silo needs, whatever its profile, including the county event streams (the
    /// profile adds the storage of their subscriptions).
    /// </summary>
    /// <param name="practice">Whether this is a training or integration environment, with a practice clock.</param>
    public static ISiloBuilder UseMicrofinanceGrains(this ISiloBuilder silo, bool practice = false)
    {
        silo.Services.TryAddSingleton(new BusinessClock(TimeProvider.System));
        silo.AddPracticeClock(practice);

        // A pepper of this process serves where state lives no longer than the process; a profile
        // that keeps state supplies the pepper kept with it.
        silo.Services.TryAddSingleton<IResidentIdKey>(_ => ResidentIdKey.CreateRandom());
        silo.Services.AddMicrofinanceSerialization();
        silo.AddIncomingGrainCallFilter<StorageFailureDeactivation>();
        silo.AddCountyEventStreams();
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<ProvinceGaugeMeter>();
        silo.Services.AddPlacementDirector<OnKeyedSiloPlacement, OnKeyedSiloPlacementDirector>();
        return silo;
    }
}
