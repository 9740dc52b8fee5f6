using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Regions;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Common;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ReferencesMadeFromTheLearntTypesReachTheSameGrainsAsOrleansOwn()
    {
        var county = await Hierarchy.NewCountyAsync(Grains);

        // The first reference of an interface teaches its types; the rest are made from them.
        var references = Enumerable.Range(0, 3).Select(_ => Grains.Get<ICountyGrain>(county.Value)).ToList();
        var other = Grains.Get<ICountyGrain>(TestKeys.NewCounty().Value);

        Assert.All(references, reference => Assert.Equal(Grains.GetGrain<ICountyGrain>(county.Value), reference));
        Assert.NotEqual(references[0], other);
        foreach (var reference in references)
        {
            Assert.True(await reference.ExistsAsync());
        }

        Assert.False(await other.ExistsAsync());
    }
}
