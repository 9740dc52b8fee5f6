using Npgsql;
using Orleans.TestingHost;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>Orleans' stock ADO.NET provider on table orleans_grain_state (migration 0003).</summary>
public sealed class AdoNetGrainStorageFixture : GrainStorageContractFixture
{
    protected override string NamePrefix => "mf_storage_adonet";

    protected override string TableName => "orleans_grain_state";

    protected override void AddStorageConfigurator(TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<StorageConfigurator>();

    // The provider keeps the state name in grain_type and no grain type at all. It splits the key
    // as Orleans' key helpers do: a GUID or an integer (with an optional extension) into n0 and n1,
    // any other key into the extension; the extension is stored as '+' || extension, or '' if none.
    protected override string RowCondition(NpgsqlCommand command, GrainId grainId, string stateName)
    {
        long n0 = 0;
        long n1 = 0;
        string? extension;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            var bytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(bytes, 0);
            n1 = BitConverter.ToInt64(bytes, 8);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n1 = integer;
        }
        else
        {
            extension = grainId.Key.ToString();
        }

        command.Parameters.AddWithValue("grain_id_n0", n0);
        command.Parameters.AddWithValue("grain_id_n1", n1);
        command.Parameters.AddWithValue("grain_key_ext", extension is null ? "" : $"+{extension}");
        command.Parameters.AddWithValue("state_name", stateName);
        command.Parameters.AddWithValue("service_id", ServiceId);
        return """
            grain_id_n0 = @grain_id_n0 AND grain_id_n1 = @grain_id_n1 AND grain_key_ext = @grain_key_ext
            AND grain_type = @state_name AND service_id = @service_id
            """;
    }

    private sealed class StorageConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[SiloConnectionStringKey];
            siloBuilder
                .AddAdoNetGrainStorage(StorageName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(DeletingStorageName, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                    options.DeleteStateOnClear = true;
                });
        }
    }
}
