namespace Microfinance.Silo.Hosting;

/// <summary>Where the silo keeps its cluster membership, grain state and reminders.</summary>
public enum PlatformProfile
{
    /// <summary>One silo, everything in memory: for trying the platform out.</summary>
    Embedded,

    /// <summary>
    /// PostgreSQL: grain state through the platform's batching storage (or the ADO.NET provider),
    /// membership and reminders through the ADO.NET providers. For every real deployment.
    /// </summary>
    Postgres,
}
