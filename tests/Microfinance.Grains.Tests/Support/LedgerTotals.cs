using Microfinance.Abstractions.Funds;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Funds;

namespace Microfinance.Grains.Tests.Support;

/// <summary>A fund's ledger summed by kind, to check that money is conserved: what came in less what was paid out is the balance.</summary>
public sealed record LedgerTotals(Money Deposits, Money Interest, Money Recoveries, Money Payouts)
{
    /// <summary>deposits + interest + recoveries − payouts.</summary>
    public Money Balance => Deposits + Interest + Recoveries - Payouts;

    public static async Task<LedgerTotals> OfAsync(IFundAccountGrain fund)
    {
        var ledger = await fund.GetLedgerAsync();
        Money Sum(params FundEntryKind[] kinds) => Money.Sum(ledger.Where(entry => kinds.Contains(entry.Kind)).Select(entry => entry.Amount));
        return new LedgerTotals(
            Sum(FundEntryKind.ProvincialDeposit, FundEntryKind.CountyDeposit),
            Sum(FundEntryKind.InterestCredit),
            Sum(FundEntryKind.Recovery),
            -Sum(FundEntryKind.CompensationPayout));
    }
}
