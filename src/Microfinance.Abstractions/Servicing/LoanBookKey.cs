using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// Names one page of a county's loan book: the loans one bank disbursed in one year in one village
/// (or, for legal-person loans, held at one township). A page holds its own loans only, so what it
/// writes stays small however many loans the county has.
/// </summary>
/// <param name="Unit">The village of a household loan, or the township of a legal-person loan.</param>
/// <param name="BankCode">The lending bank.</param>
/// <param name="Year">The year the loan was disbursed.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanBookKey")]
public readonly record struct LoanBookKey(
    [property: Id(0)] AdminCode Unit,
    [property: Id(1)] string BankCode,
    [property: Id(2)] int Year)
{
    public AdminCode County => Unit.County;

    public AdminCode Township => Unit.Township;

    /// <summary>The village, for a page of household loans.</summary>
    public AdminCode? Village => Unit.Level == AdminLevel.Village ? Unit : null;

    /// <summary>The grain key: <c>{unit 12 digits}:{bank}:{year}</c>.</summary>
    public override string ToString() => $"{Unit.Value}:{BankCode}:{Year}";

    public static LoanBookKey Parse(string key)
    {
        var parts = key.Split(':');
        return new LoanBookKey(AdminCode.Parse(parts[0]), parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
