namespace Microfinance.Bench.Consistency;

/// <summary>What the after-run check compared and every difference it found.</summary>
public sealed record ConsistencyReport(
    int Loans,
    int Villages,
    int Funds,
    int Households,
    IReadOnlyList<string> Differences,
    IReadOnlyList<string> Notes)
{
    public bool Ok => Differences.Count == 0;
}
