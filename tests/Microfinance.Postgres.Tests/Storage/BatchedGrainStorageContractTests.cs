using Orleans.Storage;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>The storage contract of the platform's batching provider, and what it promises beyond it.</summary>
public sealed class BatchedGrainStorageContractTests(BatchedGrainStorageFixture fixture)
    : GrainStorageContractTests(fixture), IClassFixture<BatchedGrainStorageFixture>
{
    protected override bool WritesShareATransaction => true;

    protected override bool RowKeyIncludesTheGrainType => true;

    [Fact]
    public async Task StaleWriteReportsTheStoredEtagAndTheGrainsEtag()
    {
        var grainId = NewGrainId();
        var (winner, stale) = await TwoActivationsOfWhichTheFirstWroteAsync(grainId);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(winner.ETag, conflict.StoredEtag);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);
        Assert.NotEqual(conflict.StoredEtag, conflict.CurrentEtag);
    }

    [Fact]
    public async Task FirstWriteOverAnExistingRowReportsTheStoredEtagAndNoGrainEtag()
    {
        var grainId = NewGrainId();
        var first = await WriteNewAsync(grainId, "first");
        var second = new GrainState<StorageContractState>(new() { Value = "second" });

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, second));

        Assert.Equal(first.ETag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
    }

    [Fact]
    public async Task WriteWithAnEtagOfADeletedRowReportsNoStoredEtag()
    {
        var storage = Fixture.GrainStorage(GrainStorageContractFixture.DeletingStorageName);
        var grainId = NewGrainId();
        var (winner, stale) = await TwoActivationsOfWhichTheFirstWroteAsync(grainId, storage);
        await storage.ClearStateAsync(StateName, grainId, winner);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Null(conflict.StoredEtag);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);
    }
}
