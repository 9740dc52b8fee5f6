namespace Microfinance.Bench;

/// <summary>The PostgreSQL settings a durability claim rests on, as <c>SHOW</c> reports them.</summary>
public sealed record ServerSettings(
    string Version,
    string Fsync,
    string SynchronousCommit,
    string WalSyncMethod,
    string MaxConnections)
{
    /// <summary>Whether every acknowledged commit is on disk: fsync and synchronous_commit both on.</summary>
    public bool Durable => Fsync == "on" && SynchronousCommit is "on" or "remote_write" or "remote_apply";
}
