using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Bench.Origination;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Bench.Consistency;

/// <summary>
/// After the timed runs, compares what the owning grains hold with the loans the workers saw
/// disbursed: each village's used quota, each fund account's outstanding principal and a sample
/// of households' disbursed principal must equal the sum of those loans' amounts.
/// </summary>
public static class ConsistencyCheck
{
    private const int DefaultHouseholdSample = 64;

    /// <param name="householdSample">How many of the households that borrowed are checked, spread over them.</param>
    public static async Task<ConsistencyReport> RunAsync(
        IGrainFactory grains, ProvinceLayout layout, IReadOnlyList<LoanOrder> disbursed, CancellationToken ct,
        int householdSample = DefaultHouseholdSample)
    {
        var differences = new List<string>();
        var notes = new List<string>();

        var byVillage = disbursed.GroupBy(order => order.Village).ToDictionary(group => group.Key, group => group.Sum(order => order.AmountFen));
        var villages = await Task.WhenAll(layout.Villages.Select(village => grains.Get<IVillageGrain>(village.Value).GetQuotaAsync()));
        foreach (var quota in villages)
        {
            var expected = byVillage.GetValueOrDefault(quota.Region.Value);
            if (quota.Used.Fen != expected)
            {
                differences.Add($"village {quota.Region.Value}: used {quota.Used}, disbursed loans sum to {new Money(expected)}");
            }

            if (quota.Reserved.IsPositive)
            {
                notes.Add($"village {quota.Region.Value}: {quota.Reserved} still reserved");
            }
        }

        var byFund = disbursed
            .GroupBy(order => FundAccountId.For(AdminCode.Parse(order.Village).County, order.BankCode))
            .ToDictionary(group => group.Key, group => group.Sum(order => order.AmountFen));
        var funds = await Task.WhenAll(layout.FundAccounts.Select(fund => grains.Get<IFundAccountGrain>(fund).GetPositionAsync()));
        foreach (var fund in funds)
        {
            var expected = byFund.GetValueOrDefault(fund.FundId);
            if (fund.Outstanding.Fen != expected)
            {
                differences.Add($"fund {fund.FundId}: outstanding {fund.Outstanding}, disbursed loans sum to {new Money(expected)}");
            }

            if (fund.Reserved.IsPositive)
            {
                notes.Add($"fund {fund.FundId}: {fund.Reserved} still reserved");
            }
        }

        // Households spread over the run: every n-th of those that borrowed.
        var byHousehold = disbursed.GroupBy(order => order.RegistryNumber).OrderBy(group => group.Key, StringComparer.Ordinal).ToList();
        var step = Math.Max(1, byHousehold.Count / householdSample);
        var sample = byHousehold.Where((_, index) => index % step == 0).Take(householdSample).ToList();
        foreach (var household in sample)
        {
            ct.ThrowIfCancellationRequested();
            var loans = await grains.Get<IHouseholdGrain>(household.Key).ListLoansAsync();
            var outstanding = loans.Where(loan => loan.Status == HouseholdLoanStatus.Disbursed).Sum(loan => loan.Committed.Fen);
            var expected = household.Sum(order => order.AmountFen);
            if (outstanding != expected)
            {
                differences.Add($"household {household.Key}: disbursed {new Money(outstanding)}, its disbursed loans sum to {new Money(expected)}");
            }
        }

        return new ConsistencyReport(disbursed.Count, villages.Length, funds.Length, sample.Count, differences, notes);
    }
}
