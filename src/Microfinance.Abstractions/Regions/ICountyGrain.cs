namespace Microfinance.Abstractions.Regions;

/// <summary>A county (县): owns the county policy and funds; parent of townships.</summary>
public interface ICountyGrain : IParentRegionGrain;
