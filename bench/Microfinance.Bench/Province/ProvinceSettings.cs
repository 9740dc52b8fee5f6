namespace Microfinance.Bench.Province;

/// <summary>What the synthetic province loads (the command line of <c>province</c>).</summary>
/// <param name="Silo">Directory of the published host.</param>
/// <param name="Households">Registered households, spread evenly over the villages.</param>
/// <param name="Loans">Existing loans imported from the banks' books, one per borrowing household.</param>
/// <param name="ParallelVillages">Villages importing at once, each a batch of its households.</param>
public sealed record ProvinceSettings(
    string Silo,
    int Counties,
    int TownshipsPerCounty,
    int VillagesPerTownship,
    int Households,
    int Loans,
    int ParallelVillages,
    string AdminConnectionString,
    bool KeepDatabase,
    string LogDirectory)
{
    public const int Seed = 20261203;

    /// <summary>The silo's memory the province must fit in.</summary>
    public const long TargetBytes = 4L << 30;
}
