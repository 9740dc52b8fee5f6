using Microfinance.Schema;

namespace Microfinance.Postgres.Tests;

/// <summary>
/// A database of its own with the platform's schema, and a login role with only the migrator's
/// grants, as a silo connects; both are dropped on dispose.
/// </summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private MigratedDatabase(string adminConnectionString, string siloRole)
    {
        AdminConnectionString = adminConnectionString;
        SiloRole = siloRole;
    }

    /// <summary>The superuser's connection to the database, for looking at rows and migrating further.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The non-owner role the silos connect as.</summary>
    public string SiloRole { get; }

    /// <summary>The silos' connection: the same database as <see cref="SiloRole"/>.</summary>
    public string SiloConnectionString => PostgresServer.ConnectAs(AdminConnectionString, SiloRole);

    /// <param name="prefix">Prefix of the database's and the role's names.</param>
    /// <param name="throughVersion">Migrate only this far (a database as an older release left it); null for all.</param>
    public static async Task<MigratedDatabase> CreateAsync(string prefix, int? throughVersion = null)
    {
        var database = new MigratedDatabase(
            await PostgresServer.CreateDatabaseAsync(prefix), await PostgresServer.CreateLoginRoleAsync($"{prefix}_silo"));
        try
        {
            await database.MigrateAsync(throughVersion);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the migrations the database lacks (up to <paramref name="throughVersion"/>) and grants the silo role.</summary>
    public Task MigrateAsync(int? throughVersion = null) =>
        new SchemaMigrator(AdminConnectionString).MigrateAsync(SiloRole, CancellationToken.None, throughVersion);

    public async ValueTask DisposeAsync()
    {
        await PostgresServer.DropDatabaseAsync(AdminConnectionString);
        await PostgresServer.DropRoleAsync(SiloRole);
    }
}
