using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;

namespace Microfinance.Silo.Api.Clock;

/// <summary>
/// Closes the business days a practice date move passed over, in every county it moved: each
/// county's books through the day before its new business date, a month at a time, so that no
/// single call outlasts the grain call timeout however far the date jumped.
/// </summary>
public sealed class PassedDays(IGrainFactory grains, BusinessClock clock)
{
    private const int DaysPerCall = 31;
    private const int CountiesAtOnce = 8;
    private const int CountyPage = 500;

    /// <returns>Each county moved, with the last day now closed (null while its books are not open).</returns>
    public async Task<IReadOnlyList<(AdminCode County, DateOnly? LastClosed)>> CloseAsync(AdminCode region)
    {
        var counties = region.Level == AdminLevel.County ? [region] : await CountiesOfAsync(region);
        var closed = new List<(AdminCode, DateOnly?)>();
        foreach (var batch in counties.Chunk(CountiesAtOnce))
        {
            closed.AddRange(await Task.WhenAll(batch.Select(CloseCountyAsync)));
        }

        return closed;
    }

    private async Task<(AdminCode, DateOnly?)> CloseCountyAsync(AdminCode county)
    {
        var books = grains.Get<ICountyBooksGrain>(county.Value);
        var through = clock.TodayIn(county).AddDays(-1);
        var lastClosed = (await books.GetAsync()).LastClosed;
        do
        {
            var step = lastClosed is { } last && last.AddDays(DaysPerCall) < through ? last.AddDays(DaysPerCall) : through;
            lastClosed = (await books.CloseThroughAsync(step)).LastClosed;
        }
        while (lastClosed is { } reached && reached < through);

        return (county, lastClosed);
    }

    private async Task<List<AdminCode>> CountiesOfAsync(AdminCode province)
    {
        var counties = new List<AdminCode>();
        string? after = null;
        do
        {
            var page = await grains.Get<IProvinceGrain>(province.Value).ListSubregionsAsync(after, CountyPage);
            counties.AddRange(page.Keys.Select(AdminCode.Parse));
            after = page.NextAfter;
        }
        while (after is not null);

        return counties;
    }
}
