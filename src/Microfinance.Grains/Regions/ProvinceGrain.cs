using Microfinance.Abstractions.Regions;

using Microfinance.Grains.Common;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="IProvinceGrain"/>
public sealed class ProvinceGrain(
    [PersistentState("province", GrainStorage.Name)] IPersistentState<RegionState> state,
    [PersistentState("provincechildren", GrainStorage.Name)] IPersistentState<RegionChildren> children,
    BusinessClock clock) : ParentRegionGrain(state, children, clock), IProvinceGrain;
