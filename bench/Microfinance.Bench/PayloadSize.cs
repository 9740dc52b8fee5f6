namespace Microfinance.Bench;

/// <summary>What one grain type's state weighs in storage: every write sends the whole of it.</summary>
/// <param name="StateName">The state name (one per grain type).</param>
/// <param name="Rows">Grains of the type that have state.</param>
/// <param name="AverageBytes">Average serialized size.</param>
/// <param name="MaxBytes">Largest serialized size.</param>
/// <param name="AverageStoredBytes">Average size as PostgreSQL stores it (compressed when large).</param>
public sealed record PayloadSize(string StateName, long Rows, long AverageBytes, long MaxBytes, long AverageStoredBytes);
