using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Funds;

/// <summary>Fund accounts are one per county × cooperating bank; the key joins the two.</summary>
public static class FundAccountId
{
    public static string For(AdminCode county, string bankCode) => $"{county.ShortForm}-{bankCode}";

    /// <summary>The county of a fund id made by <see cref="For"/>: its first six digits.</summary>
    public static AdminCode CountyOf(string fundId) => AdminCode.Parse(fundId[..6]);

    /// <summary>The bank of a fund id made by <see cref="For"/>: what follows the county.</summary>
    public static string BankOf(string fundId) => fundId[7..];
}
