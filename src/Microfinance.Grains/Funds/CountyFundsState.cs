namespace Microfinance.Grains.Funds;

/// <summary>The banks with a fund account in the county.</summary>
[GenerateSerializer, Alias("mf.CountyFundsState")]
public sealed class CountyFundsState
{
    /// <summary>Bank codes in ordinal order.</summary>
    [Id(0)]
    public List<string> BankCodes { get; set; } = [];

    /// <summary>Lists <paramref name="bankCode"/> in its place; false when it is listed already.</summary>
    public bool Add(string bankCode)
    {
        var at = BankCodes.BinarySearch(bankCode, StringComparer.Ordinal);
        if (at >= 0)
        {
            return false;
        }

        BankCodes.Insert(~at, bankCode);
        return true;
    }
}
