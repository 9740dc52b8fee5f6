using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Regions;

/// <summary>
/// Registration and child bookkeeping shared by the four levels of the hierarchy. Each level is
/// its own grain type with its own state name, because the ADO.NET storage key leaves out the
/// grain type (dotnet/orleans #9737).
/// </summary>
public abstract class RegionGrain(IPersistentState<RegionState> state, TimeProvider clock) : Grain, IRegionGrain
{
    private AdminCode Code => AdminCode.Parse(this.GetPrimaryKeyString());

    public async Task<RegionRecord> CreateAsync(string name, string requestId)
    {
        if (state.State.Record is { } existing)
        {
            if (state.State.CreatedByRequest != requestId)
            {
                throw new AlreadyExistsException(
                    "REGION_ALREADY_EXISTS", $"Region {existing.Code} is already registered as {existing.Name}.");
            }

            // A replay may follow a crash between our write and the parent's: finish the listing.
            await ListWithParentAsync();
            return existing;
        }

        if (Code.Parent is { } parent && !await GrainFactory.GetRegion(parent).ExistsAsync())
        {
            throw new NotFoundException(
                "PARENT_REGION_NOT_FOUND", $"Parent region {parent} of {Code} is not registered.");
        }

        state.State.Record = new RegionRecord(Code, name, clock.GetUtcNow());
        state.State.CreatedByRequest = requestId;
        await state.WriteStateAsync();
        await ListWithParentAsync();
        return state.State.Record;
    }

    public Task<RegionRecord> GetAsync() => Task.FromResult(Require());

    public Task<bool> ExistsAsync() => Task.FromResult(state.State.Record is not null);

    /// <summary>Adds a child key, keeping the list ordered; a key already present changes nothing.</summary>
    protected async Task AddChildAsync(string key)
    {
        Require();
        var children = state.State.Children;
        var index = children.BinarySearch(key, StringComparer.Ordinal);
        if (index >= 0)
        {
            return;
        }

        children.Insert(~index, key);
        await state.WriteStateAsync();
    }

    /// <summary>Up to <paramref name="pageSize"/> child keys ordered after <paramref name="after"/>.</summary>
    protected KeyPage PageOfChildren(string? after, int pageSize)
    {
        Require();
        var children = state.State.Children;
        var start = 0;
        if (after is not null)
        {
            var index = children.BinarySearch(after, StringComparer.Ordinal);
            start = index >= 0 ? index + 1 : ~index;
        }

        var keys = children.Skip(start).Take(pageSize).ToList();
        var more = start + keys.Count < children.Count;
        return new KeyPage(keys, more ? keys[^1] : null);
    }

    private RegionRecord Require() =>
        state.State.Record ?? throw new NotFoundException("REGION_NOT_FOUND", $"Region {Code} is not registered.");

    private async Task ListWithParentAsync()
    {
        if (Code.Parent is { } parent)
        {
            await GrainFactory.GetParentRegion(parent)!.AddSubregionAsync(Code.Value);
        }
    }
}
