namespace Microfinance.Grains.Tests.Support;

/// <summary>The year-long village run: its own cluster, so its clock starts on 2026-03-16 whatever other tests do.</summary>
[CollectionDefinition(Name)]
public sealed class VillageYearCollection : ICollectionFixture<VillageYear>
{
    public const string Name = "village-year";
}
