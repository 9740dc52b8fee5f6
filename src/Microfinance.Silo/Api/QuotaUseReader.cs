using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Quotas;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Regions;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api;

/// <summary>
/// What loans hold of quota below a county or township, summed on read from its villages and its
/// townships' legal-person shares. Loans count against a village's quota (or a township's share)
/// only, so a county's own position holds none of them; a county reads its villages (a few hundred
/// grains), while a province would read all of its, and is not summed.
/// </summary>
public sealed class QuotaUseReader(IGrainFactory grains)
{
    /// <summary>
    /// The position with what loans hold within the region: its own and its subregions', each of
    /// those read the same way down to the villages.
    /// </summary>
    public async Task<Proto.QuotaPosition> WithUseAsync(QuotaPosition position)
    {
        if (grains.GetParentRegion(position.Region) is not { } parent)
        {
            return WithUse(position, []);
        }

        var subregions = await Task.WhenAll((await ListAllSubregionsAsync(parent)).Select(async child =>
            await WithUseAsync(await grains.GetRegion(AdminCode.Parse(child)).GetQuotaAsync())));
        return WithUse(position, subregions);
    }

    /// <summary>The position with what loans hold within it: its own, and what <paramref name="subregions"/> hold within them.</summary>
    public static Proto.QuotaPosition WithUse(QuotaPosition position, IReadOnlyCollection<Proto.QuotaPosition> subregions)
    {
        var proto = Mapping.QuotaMapper.ToProto(position);
        proto.Within = new Proto.QuotaUse
        {
            ReservedFen = checked(position.Reserved.Fen + subregions.Sum(subregion => subregion.Within.ReservedFen)),
            UsedFen = checked(position.Used.Fen + subregions.Sum(subregion => subregion.Within.UsedFen)),
        };
        return proto;
    }

    /// <summary>Every registered direct subregion of <paramref name="parent"/>, in code order.</summary>
    public static Task<List<string>> ListAllSubregionsAsync(IParentRegionGrain parent) =>
        KeyPages.ReadAllAsync(parent.ListSubregionsAsync);
}
