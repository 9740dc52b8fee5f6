using Microfinance.Storage;
using Npgsql;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>The platform's batching provider (<see cref="PostgresGrainStorage"/>) on table grain_state.</summary>
public sealed class BatchedGrainStorageFixture : GrainStorageContractFixture
{
    /// <summary>
    /// Batches the provider has in flight at once: its default, pinned here because the test of a
    /// failing batch occupies exactly this many with writes waiting for locked rows.
    /// </summary>
    public const int BatchesInFlight = 2;

    protected override string NamePrefix => "mf_storage_batched";

    protected override string TableName => "grain_state";

    protected override void AddStorageConfigurator(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<StorageConfigurator>();

    // Keyed by the full grain id: its type and its key.
    protected override string RowCondition(NpgsqlCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.AddWithValue("grain_type", grainId.Type.ToString()!);
        command.Parameters.AddWithValue("grain_key", grainId.Key.ToString()!);
        command.Parameters.AddWithValue("state_name", stateName);
        command.Parameters.AddWithValue("service_id", ServiceId);
        return "grain_key = @grain_key AND grain_type = @grain_type AND state_name = @state_name AND service_id = @service_id";
    }

    private sealed class StorageConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[SiloConnectionStringKey]!;
            siloBuilder
                .AddPostgresGrainStorage(StorageName, options =>
                {
                    options.ConnectionString = connectionString;
                    options.MaxBatchesInFlight = BatchesInFlight;
                })
                .AddPostgresGrainStorage(DeletingStorageName, options =>
                {
                    options.ConnectionString = connectionString;
                    options.MaxBatchesInFlight = BatchesInFlight;
                    options.DeleteStateOnClear = true;
                });
        }
    }
}
