namespace Microfinance.Grains.Tests.Support;

/// <summary>Grain tests share one cluster; each test uses fresh keys.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
