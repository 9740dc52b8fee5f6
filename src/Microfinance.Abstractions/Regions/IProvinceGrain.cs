namespace Microfinance.Abstractions.Regions;

/// <summary>A province (省): the root of the hierarchy, parent of counties.</summary>
public interface IProvinceGrain : IParentRegionGrain;
