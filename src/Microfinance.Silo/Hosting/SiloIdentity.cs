namespace Microfinance.Silo.Hosting;

/// <summary>Fixed identity of the service across deployments and restarts.</summary>
public static class SiloIdentity
{
    /// <summary>
    /// The ServiceId is part of every persisted grain-state key, so it never changes: a new
    /// value would orphan all stored state.
    /// </summary>
    public const string ServiceId = "microfinance";

    /// <summary>The ADO.NET invariant of the PostgreSQL driver.</summary>
    public const string PostgresInvariant = "Npgsql";
}
