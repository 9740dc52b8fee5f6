using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Funds;

/// <summary>Fund accounts are one per county × cooperating bank; the key joins the two.</summary>
public static class FundAccountId
{
    public static string For(AdminCode county, string bankCode) => $"{county.ShortForm}-{bankCode}";
}
