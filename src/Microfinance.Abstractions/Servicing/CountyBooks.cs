namespace Microfinance.Abstractions.Servicing;

/// <summary>A county's overdue tallies as of its last closed business day.</summary>
/// <param name="LastClosed">The last business day closed (日终), or null before the first.</param>
/// <param name="Tallies">By "county", "township:{code}", "village:{code}" and "bank:{code}".</param>
/// <param name="LoansVisited">How many loan visits the last close made: its cost.</param>
/// <param name="Revision">
/// How many changes the tallies have taken: a tally event of this revision or lower is already in them.
/// </param>
[GenerateSerializer, Immutable, Alias("mf.CountyBooks")]
public sealed record CountyBooks(
    [property: Id(0)] DateOnly? LastClosed,
    [property: Id(1)] IReadOnlyDictionary<string, Tally> Tallies,
    [property: Id(2)] int LoansVisited,
    [property: Id(3)] long Revision)
{
    /// <summary>The key of the county's own tally.</summary>
    public const string CountyKey = "county";

    /// <summary>What a township's tally key starts with, before its 12-digit code.</summary>
    public const string TownshipPrefix = "township:";

    /// <summary>What a village's tally key starts with, before its 12-digit code.</summary>
    public const string VillagePrefix = "village:";

    /// <summary>What a bank's tally key starts with, before its code.</summary>
    public const string BankPrefix = "bank:";

    /// <summary>The banks with a disbursed loan in the county: each disbursement reports to the books under its bank.</summary>
    public IEnumerable<string> BankCodes =>
        Tallies.Keys.Where(key => key.StartsWith(BankPrefix, StringComparison.Ordinal)).Select(key => key[BankPrefix.Length..]);
}
