using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Regions;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Dashboards;

namespace Microfinance.Grains.Metrics;

/// <summary>
/// Reads every registered county's gauges from the grains that own the figures: the regions'
/// quotas, the fund accounts, the books and the claim register, as a county's dashboard does.
/// </summary>
public sealed class CountyGaugesReader(IGrainFactory grains, BusinessClock clock)
{
    /// <summary>How many counties are read at once: a county's read asks its villages, so this bounds the load.</summary>
    private const int CountiesAtOnce = 4;

    /// <summary>Every county of every registered province, in code order.</summary>
    public async Task<IReadOnlyList<CountyGauges>> ReadAllAsync()
    {
        var read = new List<CountyGauges>();
        foreach (var province in ProvinceCodes.All)
        {
            foreach (var counties in (await CountiesOfAsync(province)).Chunk(CountiesAtOnce))
            {
                read.AddRange(await Task.WhenAll(counties.Select(ReadAsync)));
            }
        }

        return read;
    }

    /// <summary>One county's gauges.</summary>
    public async Task<CountyGauges> ReadAsync(AdminCode county)
    {
        var source = new CountyDashboardSource(grains, clock);
        var quotas = (await source.ReadRegionsAsync(county)).Select(region => region.Quota).ToList();
        var books = await grains.Get<ICountyBooksGrain>(county.Value).GetAsync();
        var bankCodes = (await grains.Get<ICountyFundsGrain>(county.Value).ListAsync()).Union(books.BankCodes, StringComparer.Ordinal);
        var funds = await source.ReadFundsAsync(county, bankCodes);
        var claims = await grains.Get<IClaimRegisterGrain>(county.Value).GetReportAsync();
        return new CountyGauges(
            county,
            quotas.Single(quota => quota.Region == county).Allocated,
            Money.Sum(quotas.Select(quota => quota.Reserved)),
            Money.Sum(quotas.Select(quota => quota.Used)),
            funds,
            books.Tallies.GetValueOrDefault(CountyBooks.CountyKey) ?? new Tally(),
            claims.ByStatus);
    }

    /// <summary>The province's counties; none for a province not registered.</summary>
    private async Task<List<AdminCode>> CountiesOfAsync(AdminCode province)
    {
        if (!await grains.GetRegion(province).ExistsAsync())
        {
            return [];
        }

        return [.. (await KeyPages.ReadAllAsync(grains.Get<IProvinceGrain>(province.Value).ListSubregionsAsync)).Select(AdminCode.Parse)];
    }
}
