namespace Microfinance.Silo.Hosting;

/// <summary>Where the silo keeps its cluster membership, grain state and reminders.</summary>
public enum PlatformProfile
{
    /// <summary>One silo, everything in memory: for trying the platform out.</summary>
    Embedded,

    /// <summary>PostgreSQL through the ADO.NET providers: for every real deployment.</summary>
    Postgres,
}
