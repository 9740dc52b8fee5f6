using Microfinance.Abstractions.Regions;

using Microfinance.Grains.Common;
using Orleans.Serialization;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="ICountyGrain"/>
public sealed class CountyGrain(
    [PersistentState("county", GrainStorage.Name)] IPersistentState<RegionState> state,
    [PersistentState("countychildren", GrainStorage.Name)] IPersistentState<RegionChildren> children,
    BusinessClock clock,
    Serializer serializer) : ParentRegionGrain(state, children, clock, serializer), ICountyGrain;
