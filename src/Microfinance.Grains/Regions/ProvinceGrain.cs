using Microfinance.Abstractions.Regions;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="IProvinceGrain"/>
public sealed class ProvinceGrain(
    [PersistentState("province", GrainStorage.Name)] IPersistentState<RegionState> state,
    TimeProvider clock) : ParentRegionGrain(state, clock), IProvinceGrain;
