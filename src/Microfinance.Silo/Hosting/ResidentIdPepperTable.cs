using Microfinance.Grains.Households;
using Npgsql;

namespace Microfinance.Silo.Hosting;

/// <summary>
/// The pepper of the resident-id claim keys in the PostgreSQL profile: one row of
/// <c>platform_secret</c>, made by migration 0007, so every silo of the database keys claims alike.
/// </summary>
internal static class ResidentIdPepperTable
{
    private const string PepperName = "resident_id_pepper";

    /// <summary>Reads the pepper once, as the silo starts (see <see cref="ResidentIdKeyAtStartup"/>).</summary>
    public static ResidentIdKey Read(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT value FROM platform_secret WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", PepperName);
        object? pepper;
        try
        {
            pepper = command.ExecuteScalar();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw Missing(exception);
        }

        // The message names the table and the migration only: never the pepper.
        return pepper is byte[] { Length: ResidentIdKey.PepperLength } bytes
            ? new ResidentIdKey(bytes)
            : throw Missing(null);
    }

    private static InvalidOperationException Missing(Exception? cause) => new(
        $"The database holds no {ResidentIdKey.PepperLength}-byte '{PepperName}' in platform_secret, which migration "
        + "0007_resident_id_pepper makes: run `microfinance migrate` before starting silos of this release.",
        cause);
}
