namespace Microfinance.Grains;

/// <summary>The grain storage every grain of the platform persists its state in.</summary>
public static class GrainStorage
{
    /// <summary>
    /// Provider name: memory in the embedded profile; in the PostgreSQL profile the platform's
    /// batching storage, or Orleans' ADO.NET one by configuration.
    /// </summary>
    public const string Name = "microfinance";
}
