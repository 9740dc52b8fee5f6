namespace Microfinance.Bench.Import;

/// <summary>What the registry-import benchmark runs with (the command line of <c>import</c>).</summary>
/// <param name="Silo">Directory of the published host.</param>
/// <param name="Cli">Directory of the published operators' CLI, whose <c>import households</c> is timed.</param>
/// <param name="Encoding">The export's encoding: <c>utf8</c> or <c>gbk</c>.</param>
public sealed record ImportSettings(
    string Silo,
    string Cli,
    int Counties,
    int TownshipsPerCounty,
    int VillagesPerTownship,
    int Households,
    string Encoding,
    string AdminConnectionString,
    bool KeepDatabase,
    string LogDirectory);
