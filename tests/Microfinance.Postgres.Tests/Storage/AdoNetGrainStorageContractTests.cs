using Orleans.Storage;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>The storage contract of Orleans' stock ADO.NET provider, as the platform configures it.</summary>
public sealed class AdoNetGrainStorageContractTests(AdoNetGrainStorageFixture fixture)
    : GrainStorageContractTests(fixture), IClassFixture<AdoNetGrainStorageFixture>
{
    // Each write is a statement and a transaction of its own.
    protected override bool WritesShareATransaction => false;

    // Its table has the state name where the grain type would be (dotnet/orleans#9737).
    protected override bool RowKeyIncludesTheGrainType => false;

    [Fact]
    public async Task StaleWriteReportsNeitherTheStoredNorTheGrainsEtag()
    {
        var grainId = NewGrainId();
        var (_, stale) = await TwoActivationsOfWhichTheFirstWroteAsync(grainId);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Null(conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
    }
}
