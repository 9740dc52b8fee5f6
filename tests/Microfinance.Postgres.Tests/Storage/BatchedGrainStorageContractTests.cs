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

    // The clear is a write of no payload: it inserts an empty row at version 1, so an activation
    // that saw no row and writes later meets a stale etag. The ADO.NET provider leaves no row.
    [Fact]
    public async Task ClearOfAStateNeverWrittenLeavesAnEmptyRow()
    {
        var grainId = NewGrainId();
        var state = new GrainState<StorageContractState>();

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.NotNull(state.ETag);
        Assert.False(state.RecordExists);
        var row = await RowAsync(grainId);
        Assert.Null(row.Payload);
        Assert.Equal(state.ETag, row.Etag);
    }
}
