using Microfinance.Abstractions.Regions;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="ITownshipGrain"/>
public sealed class TownshipGrain(
    [PersistentState("township", GrainStorage.Name)] IPersistentState<RegionState> state,
    TimeProvider clock) : ParentRegionGrain(state, clock), ITownshipGrain;
