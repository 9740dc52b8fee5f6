using Microfinance.Abstractions.Regions;

using Microfinance.Grains.Common;

namespace Microfinance.Grains.Regions;

/// <inheritdoc cref="IProvinceGrain"/>
public sealed class ProvinceGrain(
    [PersistentState("province", GrainStorage.Name)] IPersistentState<RegionState> state,
    BusinessClock clock) : ParentRegionGrain(state, clock), IProvinceGrain;
