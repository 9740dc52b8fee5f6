namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// Day-close tests move their cluster's clock by months, so they get a cluster of their own and
/// leave the shared one's dates alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DayCloseCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "day-close";
}
