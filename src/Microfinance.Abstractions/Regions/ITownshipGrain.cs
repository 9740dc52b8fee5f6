namespace Microfinance.Abstractions.Regions;

/// <summary>A township (乡镇): reviews applications; parent of villages.</summary>
public interface ITownshipGrain : IParentRegionGrain;
