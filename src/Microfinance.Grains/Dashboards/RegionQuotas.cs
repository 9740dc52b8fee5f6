using Microfinance.Abstractions.Dashboards;
using Microfinance.Abstractions.Quotas;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Dashboards;

/// <summary>
/// The quotas of a county and its townships and villages as last read, and what loans hold within
/// each: a village's own, a township's own (its legal-person share) with its villages', the county's
/// all of them.
/// </summary>
public sealed class RegionQuotas
{
    private readonly Dictionary<AdminCode, (string Name, QuotaPosition Quota)> _regions = [];

    /// <summary>The quota the level above allocated to <paramref name="region"/>; zero before it is read.</summary>
    public Money AllocatedTo(AdminCode region) => _regions.TryGetValue(region, out var held) ? held.Quota.Allocated : Money.Zero;

    /// <summary>Lists a region registered after the read, with nothing allocated yet.</summary>
    public void Register(AdminCode region, string name) =>
        _regions.TryAdd(region, (name, new QuotaPosition(region, Money.Zero, Money.Zero, Money.Zero, Money.Zero)));

    /// <summary>
    /// Takes the quotas read; returns the use of every region whose quota changed and of those above
    /// it, in code order (none when nothing changed).
    /// </summary>
    public List<RegionQuotaUse> Take(IEnumerable<(string Name, QuotaPosition Quota)> read)
    {
        var changed = new SortedSet<AdminCode>(Comparer<AdminCode>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        foreach (var region in read)
        {
            var code = region.Quota.Region;
            if (_regions.TryGetValue(code, out var held) && held == region)
            {
                continue;
            }

            _regions[code] = region;
            for (AdminCode? at = code; at is { Level: >= AdminLevel.County } step; at = step.Parent)
            {
                changed.Add(step);
            }
        }

        return [.. changed.Where(_regions.ContainsKey).Select(Use)];
    }

    /// <summary>Every region's use, in code order.</summary>
    public List<RegionQuotaUse> All() => [.. _regions.Keys.OrderBy(code => code.Value, StringComparer.Ordinal).Select(Use)];

    /// <summary>A region's quota with what loans hold within it: its own and its subregions'.</summary>
    private RegionQuotaUse Use(AdminCode code)
    {
        var (name, quota) = _regions[code];
        List<QuotaPosition> within = code.Level == AdminLevel.Village
            ? [quota]
            : _regions.Values.Select(region => region.Quota).Where(held => Within(held.Region, code)).ToList();
        return new RegionQuotaUse(code, name, quota.Allocated, Money.Sum(within.Select(q => q.Reserved)), Money.Sum(within.Select(q => q.Used)));
    }

    private static bool Within(AdminCode region, AdminCode ancestor)
    {
        for (AdminCode? at = region; at is { } step; at = step.Parent)
        {
            if (step == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
