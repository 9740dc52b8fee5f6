namespace Microfinance.Grains;

/// <summary>The grain storage every grain of the platform persists its state in.</summary>
public static class GrainStorage
{
    /// <summary>Provider name: memory in the embedded profile, ADO.NET PostgreSQL otherwise.</summary>
    public const string Name = "microfinance";
}
