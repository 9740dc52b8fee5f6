using Npgsql;

namespace Microfinance.Storage;

/// <summary>The session settings of the storage's own connections.</summary>
internal static class GrainStateConnection
{
    // Every statement the storage runs finds a row by its full primary key. Npgsql prepares the
    // statements per connection and PostgreSQL keeps one generic plan for each, made with the
    // statistics of that moment; from a table that was empty when last analyzed, a sequential
    // scan looks cheaper than the index, and that plan stays while the table grows. With
    // sequential scans off the index probe is the plan, whatever the statistics.
    private const string PrimaryKeyProbesOnly = "-c enable_seqscan=off";

    /// <summary>The operator's connection string, with the session setting above added.</summary>
    public static string For(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} {PrimaryKeyProbesOnly}".TrimStart();
        return builder.ConnectionString;
    }
}
