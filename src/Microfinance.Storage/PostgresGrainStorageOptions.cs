namespace Microfinance.Storage;

/// <summary>Settings of <see cref="PostgresGrainStorage"/>.</summary>
public sealed class PostgresGrainStorageOptions
{
    /// <summary>Npgsql connection string of a database that <c>microfinance migrate</c> prepared.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Most writes (or reads) one statement carries. Bigger batches commit more rows per fsync;
    /// the bound keeps one statement's parameters and lock set moderate.
    /// </summary>
    public int MaxBatchRows { get; set; } = 1024;

    /// <summary>Most payload bytes one write statement carries; a single larger state still goes alone.</summary>
    public long MaxBatchBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Batches sent and not yet committed, each on its own connection: while one waits for its
    /// commit to reach disk the server works on the next. Reads have as many of their own.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 2;

    /// <summary>Whether clearing a grain's state removes its row rather than keeping an empty row and its version.</summary>
    public bool DeleteStateOnClear { get; set; }
}
