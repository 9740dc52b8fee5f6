using Microfinance.Abstractions.Regions;

using Microfinance.Grains.Common;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="ICountyGrain"/>
public sealed class CountyGrain(
    [PersistentState("county", GrainStorage.Name)] IPersistentState<RegionState> state,
    BusinessClock clock) : ParentRegionGrain(state, clock), ICountyGrain;
