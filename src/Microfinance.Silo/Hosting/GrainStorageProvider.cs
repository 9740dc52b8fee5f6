namespace Microfinance.Silo.Hosting;

/// <summary>Which provider keeps grain state in the PostgreSQL profile.</summary>
public enum GrainStorageProvider
{
    /// <summary>
    /// The platform's own (<c>Microfinance.Storage</c>): many grains' writes per statement and
    /// transaction, activation reads batched the same way. Table <c>grain_state</c>.
    /// </summary>
    Batched,

    /// <summary>Orleans' stock ADO.NET provider: one transaction per write. Table <c>orleans_grain_state</c>.</summary>
    AdoNet,
}
