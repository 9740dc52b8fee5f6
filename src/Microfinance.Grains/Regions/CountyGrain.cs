using Microfinance.Abstractions.Regions;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="ICountyGrain"/>
public sealed class CountyGrain(
    [PersistentState("county", GrainStorage.Name)] IPersistentState<RegionState> state,
    TimeProvider clock) : ParentRegionGrain(state, clock), ICountyGrain;
