using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="IVillageGrain"/>
public sealed class VillageGrain(
    [PersistentState("village", GrainStorage.Name)] IPersistentState<RegionState> state,
    TimeProvider clock) : RegionGrain(state, clock), IVillageGrain
{
    public Task AddHouseholdAsync(string registryNumber) => AddChildAsync(registryNumber);

    public Task<KeyPage> ListHouseholdsAsync(string? afterRegistryNumber, int pageSize) =>
        Task.FromResult(PageOfChildren(afterRegistryNumber, pageSize));
}
