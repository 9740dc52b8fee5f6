using Microfinance.Abstractions.Regions;

using Microfinance.Grains.Common;
using Orleans.Serialization;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="IProvinceGrain"/>
public sealed class ProvinceGrain(
    [PersistentState("province", GrainStorage.Name)] IPersistentState<RegionState> state,
    [PersistentState("provincechildren", GrainStorage.Name)] IPersistentState<RegionChildren> children,
    BusinessClock clock,
    Serializer serializer) : ParentRegionGrain(state, children, clock, serializer), IProvinceGrain;
