namespace Microfinance.Bench.Scale;

/// <summary>What the multi-silo scenario runs with (its command line).</summary>
/// <param name="Silo">Directory of the published host (<c>dotnet publish src/Microfinance.Silo</c>).</param>
/// <param name="Cli">Directory of the published operators' CLI, whose <c>cluster drain</c> takes a silo out.</param>
/// <param name="PhaseSeconds">How long each steady phase runs.</param>
/// <param name="Clients">Workers originating loans at once through gRPC.</param>
/// <param name="Counties">Counties of the province the load lends in.</param>
/// <param name="LogDirectory">Where each silo's console log goes.</param>
public sealed record ScaleSettings(
    string Silo,
    string Cli,
    int PhaseSeconds,
    int Clients,
    int Counties,
    string AdminConnectionString,
    bool KeepDatabase,
    string LogDirectory)
{
    /// <summary>Silos the cluster starts with; a fourth joins, one is drained and one killed.</summary>
    public const int StartingSilos = 3;

    /// <summary>
    /// The silos' Maximum Pool Size: four silos of about 7 + 12 connections each fit PostgreSQL's
    /// default 100, where the default 24 would not.
    /// </summary>
    public const int PoolPerSilo = 12;

    public TimeSpan Phase => TimeSpan.FromSeconds(PhaseSeconds);
}
