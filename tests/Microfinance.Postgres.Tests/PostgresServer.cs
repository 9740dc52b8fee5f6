using System.Text;
using Npgsql;

namespace Microfinance.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the one .ci/run installs and starts, or the one
/// MF_TEST_POSTGRES points at. Every test works in databases (and roles) of its own.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "MF_TEST_POSTGRES";

    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    /// <summary>Superuser connection string, to the server's default database.</summary>
    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured
            ? configured
            : DefaultConnectionString;

    /// <summary>Creates an empty database with a unique name starting with <paramref name="prefix"/>.</summary>
    /// <returns>The admin connection string to the new database.</returns>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = UniqueName(prefix);
        await ExecuteAsAdminAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>
    /// Creates a login role with a unique name starting with <paramref name="prefix"/> and no
    /// privileges beyond PUBLIC's: what a silo is before the migrator grants it anything.
    /// </summary>
    /// <returns>The role's name; its password is the same.</returns>
    public static async Task<string> CreateLoginRoleAsync(string prefix)
    {
        var name = UniqueName(prefix);
        await ExecuteAsAdminAsync($"CREATE ROLE \"{name}\" LOGIN PASSWORD '{name}'");
        return name;
    }

    /// <summary>Drops a role made by <see cref="CreateLoginRoleAsync"/>; drop its databases' grants first.</summary>
    public static Task DropRoleAsync(string role) => ExecuteAsAdminAsync($"DROP ROLE IF EXISTS \"{role}\"");

    /// <summary>The same database as <paramref name="connectionString"/>, as a role from <see cref="CreateLoginRoleAsync"/>.</summary>
    public static string ConnectAs(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = role }.ConnectionString;

    // Lower-case letters, digits and '_' only, so the name needs no escaping inside double quotes;
    // at most 63 bytes, PostgreSQL's identifier limit.
    private static string UniqueName(string prefix)
    {
        var safe = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant())
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var suffix = Guid.NewGuid().ToString("N");
        return $"{safe.ToString()[..Math.Min(safe.Length, 63 - 1 - suffix.Length)]}_{suffix}";
    }

    private static async Task ExecuteAsAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            var server = new NpgsqlConnectionStringBuilder(AdminConnectionString);
            throw new InvalidOperationException(
                $"PostgreSQL not reachable at {server.Host}:{server.Port} as '{server.Username}' ({exception.Message}): "
                + $"run .ci/run, which installs and starts it, or set {ConnectionVariable}",
                exception);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
