using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Quotas;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Quotas;
using Orleans.Serialization;

namespace Microfinance.Grains.Regions;

/// <summary>A region whose children are subregions: province, county or township.</summary>
public abstract class ParentRegionGrain(
    IPersistentState<RegionState> state, IPersistentState<RegionChildren> children, BusinessClock clock, Serializer serializer)
    : RegionGrain(state, children, clock, serializer), IParentRegionGrain
{
    public Task AddSubregionAsync(string childCode) => AddChildAsync(childCode);

    public Task<KeyPage> ListSubregionsAsync(string? afterCode, int pageSize) =>
        Task.FromResult(PageOfChildren(afterCode, pageSize));

    public async Task<QuotaPosition> AllocateAsync(string childCode, Money amount, string actor, string requestId)
    {
        Require();
        var child = GrainFactory.GetRegion(AdminCode.Parse(childCode));
        var content = Fingerprint(nameof(AllocateAsync), childCode, amount, actor);
        if (Requests.IsReplay(requestId, content, "region"))
        {
            return await child.GetQuotaAsync();
        }

        if (!HasChild(childCode))
        {
            throw new NotFoundException("REGION_NOT_FOUND", $"Region {childCode} is not a registered subregion of {Code}.");
        }

        var hadAllocation = Quota.SubregionAllocations.TryGetValue(childCode, out var previous);
        var others = Quota.AllocatedToSubregions - previous + Quota.Loans.Committed;
        if (others + amount > Quota.Allocated)
        {
            throw new RuleViolationException(
                "QUOTA_EXCEEDED",
                $"Region {Code} has {Quota.Allocated - others} of its {Quota.Allocated} quota left to allocate, not {amount}.");
        }

        // Taken before the child is asked, so that calls interleaving meanwhile see it as spent.
        Quota.SubregionAllocations[childCode] = amount;
        QuotaPosition position;
        try
        {
            position = await child.SetAllocationAsync(amount, actor, requestId);
        }
        catch
        {
            if (hadAllocation)
            {
                Quota.SubregionAllocations[childCode] = previous;
            }
            else
            {
                Quota.SubregionAllocations.Remove(childCode);
            }

            throw;
        }

        Requests.Record(requestId, content);
        Quota.Changes.Add(new QuotaChange(childCode, amount, actor, Clock.Now, requestId));
        await Commit.WriteAsync();
        return position;
    }
}
