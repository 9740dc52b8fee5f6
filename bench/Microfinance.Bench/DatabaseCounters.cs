namespace Microfinance.Bench;

/// <summary>Server-side counters at one moment; the report prints differences.</summary>
/// <param name="WritesByState">Grain-state writes so far, by state name (loan, household, village, …).</param>
/// <param name="Commits">Committed transactions in the benchmark database (pg_stat_database.xact_commit).</param>
/// <param name="WalRecords">WAL records of the whole server (pg_stat_wal).</param>
/// <param name="WalBytes">WAL bytes of the whole server.</param>
/// <param name="WalSyncs">WAL flushes to disk of the whole server: what fsync-bound throughput is made of.</param>
public sealed record DatabaseCounters(
    IReadOnlyDictionary<string, long> WritesByState,
    long Commits,
    long WalRecords,
    long WalBytes,
    long WalSyncs)
{
    public long Writes => WritesByState.Values.Sum();

    /// <summary>Writes per state name between <paramref name="before"/> and this.</summary>
    public IReadOnlyDictionary<string, long> WritesSince(DatabaseCounters before) =>
        WritesByState.ToDictionary(
            entry => entry.Key,
            entry => entry.Value - before.WritesByState.GetValueOrDefault(entry.Key));
}
