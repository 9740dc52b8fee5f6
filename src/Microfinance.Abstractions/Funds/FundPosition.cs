using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Funds;

/// <summary>A fund account's balance and the lending it backs (第十三条: lending ≤ leverage × balance).</summary>
/// <param name="FundId">County code (6 digits) and bank code, e.g. <c>530124-RCC</c>.</param>
/// <param name="Balance">Sum of the ledger.</param>
/// <param name="Outstanding">Principal of disbursed fund-backed loans.</param>
/// <param name="Reserved">Principal held by approved, not yet disbursed loans.</param>
/// <param name="LeverageMultiple">The multiple of the policy last applied.</param>
[GenerateSerializer, Immutable, Alias("mf.FundPosition")]
public sealed record FundPosition(
    [property: Id(0)] string FundId,
    [property: Id(1)] AdminCode County,
    [property: Id(2)] string BankCode,
    [property: Id(3)] string BankName,
    [property: Id(4)] Money Balance,
    [property: Id(5)] Money Outstanding,
    [property: Id(6)] Money Reserved,
    [property: Id(7)] int LeverageMultiple,
    [property: Id(8)] long LedgerEntries)
{
    /// <summary>What new lending the fund can still back.</summary>
    public Money Headroom => Domain.Lending.Leverage.Headroom(LeverageMultiple, Balance, Outstanding + Reserved);
}
