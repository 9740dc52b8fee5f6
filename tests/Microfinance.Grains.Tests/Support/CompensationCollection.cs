namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// Compensation tests wait out notice periods by moving their cluster's clock, so they get a
/// cluster of their own and leave the shared one's dates alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CompensationCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "compensation";
}
