using Orleans.Storage;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>
/// The grain storage contract, run against each provider over real PostgreSQL: the storage is
/// called directly with <see cref="GrainState{T}"/> objects (as the runtime calls it), and through
/// a grain where the runtime's part matters. Where the providers knowingly differ, a member below
/// says how, and each subclass states its provider's answer.
/// </summary>
public abstract class GrainStorageContractTests(GrainStorageContractFixture fixture)
{
    protected const string StateName = "storage-contract-direct";

    private const string DirectGrainType = "contract-direct";
    private const string OtherGrainType = "contract-direct-other";
    private const int ConcurrentWriters = 200;

    // Long enough for a loaded machine, short enough that a hang fails the test instead of the run.
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether writes queued together commit in one transaction, so that a failed transaction
    /// fails all of their callers and changes none of their rows.
    /// </summary>
    protected abstract bool WritesShareATransaction { get; }

    /// <summary>
    /// Whether a row belongs to the full grain id. If not, grains of two types with the same key
    /// and state name share one row (dotnet/orleans#9737).
    /// </summary>
    protected abstract bool RowKeyIncludesTheGrainType { get; }

    protected GrainStorageContractFixture Fixture => fixture;

    protected IGrainStorage Storage => fixture.GrainStorage();

    [Fact]
    public async Task ReadOfAStateNeverWrittenGivesANewStateWithNoEtagAndNoRecord()
    {
        var state = new GrainState<StorageContractState>();

        await Storage.ReadStateAsync(StateName, NewGrainId(), state);

        Assert.Null(ValueOf(state));
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task WrittenStateIsReadBackWithTheEtagOfTheWrite()
    {
        var grainId = NewGrainId();
        var state = new GrainState<StorageContractState>(new() { Value = "applied" });

        await Storage.WriteStateAsync(StateName, grainId, state);

        var reread = await ReadAsync(grainId);
        Assert.NotNull(state.ETag);
        Assert.True(state.RecordExists);
        Assert.Equal("applied", ValueOf(reread));
        Assert.Equal(state.ETag, reread.ETag);
        Assert.True(reread.RecordExists);
        var row = await RowAsync(grainId);
        Assert.NotNull(row.Payload);
        Assert.Equal(state.ETag, row.Etag);
    }

    [Fact]
    public async Task UpdatedStateIsReadBackWithANewEtag()
    {
        var grainId = NewGrainId();
        var state = await WriteNewAsync(grainId, "applied");
        var insertEtag = state.ETag;
        state.State = new() { Value = "approved" };

        await Storage.WriteStateAsync(StateName, grainId, state);

        var reread = await ReadAsync(grainId);
        Assert.NotEqual(insertEtag, state.ETag);
        Assert.Equal("approved", ValueOf(reread));
        Assert.Equal(state.ETag, reread.ETag);
        Assert.Equal(state.ETag, (await RowAsync(grainId)).Etag);
    }

    [Fact]
    public async Task WriteWithAStaleEtagFailsWithInconsistentStateExceptionAndChangesNothing()
    {
        var grainId = NewGrainId();
        var (winner, stale) = await TwoActivationsOfWhichTheFirstWroteAsync(grainId);
        var rowBefore = await RowAsync(grainId);
        stale.State = new() { Value = "stale" };

        var write = () => Storage.WriteStateAsync(StateName, grainId, stale);

        await Assert.ThrowsAsync<InconsistentStateException>(write);
        var reread = await ReadAsync(grainId);
        Assert.Equal("winner", ValueOf(reread));
        Assert.Equal(winner.ETag, reread.ETag);
        AssertUnchanged(rowBefore, await RowAsync(grainId));
    }

    [Fact]
    public async Task ClearWithAStaleEtagFailsWithInconsistentStateExceptionAndLeavesTheRowAsItWas()
    {
        var grainId = NewGrainId();
        var (winner, stale) = await TwoActivationsOfWhichTheFirstWroteAsync(grainId);
        var rowBefore = await RowAsync(grainId);

        var clear = () => Storage.ClearStateAsync(StateName, grainId, stale);

        await Assert.ThrowsAsync<InconsistentStateException>(clear);
        var reread = await ReadAsync(grainId);
        Assert.Equal("winner", ValueOf(reread));
        Assert.Equal(winner.ETag, reread.ETag);
        AssertUnchanged(rowBefore, await RowAsync(grainId));
    }

    [Fact]
    public async Task DeletingClearWithAStaleEtagFailsWithInconsistentStateExceptionAndKeepsTheRow()
    {
        var storage = fixture.GrainStorage(GrainStorageContractFixture.DeletingStorageName);
        var grainId = NewGrainId();
        var (winner, stale) = await TwoActivationsOfWhichTheFirstWroteAsync(grainId, storage);
        var rowBefore = await RowAsync(grainId);

        var clear = () => storage.ClearStateAsync(StateName, grainId, stale);

        await Assert.ThrowsAsync<InconsistentStateException>(clear);
        var reread = await ReadAsync(grainId, storage);
        Assert.Equal("winner", ValueOf(reread));
        Assert.Equal(winner.ETag, reread.ETag);
        AssertUnchanged(rowBefore, await RowAsync(grainId));
    }

    [Fact]
    public async Task FirstWriteFailsWhenAnotherActivationAlreadyCreatedTheRow()
    {
        var grainId = NewGrainId();
        var first = await WriteNewAsync(grainId, "first");
        var second = new GrainState<StorageContractState>(new() { Value = "second" });

        var write = () => Storage.WriteStateAsync(StateName, grainId, second);

        await Assert.ThrowsAsync<InconsistentStateException>(write);
        var reread = await ReadAsync(grainId);
        Assert.Equal("first", ValueOf(reread));
        Assert.Equal(first.ETag, reread.ETag);
    }

    [Fact]
    public async Task ClearOfAStateNeverWrittenLeavesNoRow()
    {
        var grainId = NewGrainId();
        var state = new GrainState<StorageContractState>();

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Null(await Fixture.ReadRowAsync(grainId, StateName));
    }

    [Fact]
    public async Task ClearedStateIsReadBackAsNoRecordWithTheEtagOfTheClear()
    {
        var grainId = NewGrainId();
        var state = await WriteNewAsync(grainId, "rejected");
        var writeEtag = state.ETag;

        await Storage.ClearStateAsync(StateName, grainId, state);

        var reread = await ReadAsync(grainId);
        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(writeEtag, state.ETag);
        Assert.Null(ValueOf(reread));
        Assert.Equal(state.ETag, reread.ETag);
        Assert.False(reread.RecordExists);
        var row = await RowAsync(grainId);
        Assert.Null(row.Payload);
        Assert.Equal(state.ETag, row.Etag);
    }

    [Fact]
    public async Task StateWrittenAfterAClearIsReadBack()
    {
        var grainId = NewGrainId();
        var state = await WriteNewAsync(grainId, "rejected");
        await Storage.ClearStateAsync(StateName, grainId, state);
        state.State = new() { Value = "resubmitted" };

        await Storage.WriteStateAsync(StateName, grainId, state);

        var reread = await ReadAsync(grainId);
        Assert.Equal("resubmitted", ValueOf(reread));
        Assert.Equal(state.ETag, reread.ETag);
        Assert.True(reread.RecordExists);
    }

    [Fact]
    public async Task ClearWithDeleteStateOnClearRemovesTheRow()
    {
        var storage = fixture.GrainStorage(GrainStorageContractFixture.DeletingStorageName);
        var grainId = NewGrainId();
        var state = await WriteNewAsync(grainId, "rejected", storage);

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Null(await fixture.ReadRowAsync(grainId, StateName));
        var reread = await ReadAsync(grainId, storage);
        Assert.Null(ValueOf(reread));
        Assert.Null(reread.ETag);
        Assert.False(reread.RecordExists);
    }

    [Fact]
    public async Task StateWrittenAfterADeletingClearIsReadBack()
    {
        var storage = fixture.GrainStorage(GrainStorageContractFixture.DeletingStorageName);
        var grainId = NewGrainId();
        var state = await WriteNewAsync(grainId, "rejected", storage);
        await storage.ClearStateAsync(StateName, grainId, state);
        state.State = new() { Value = "resubmitted" };

        await storage.WriteStateAsync(StateName, grainId, state);

        var reread = await ReadAsync(grainId, storage);
        Assert.Equal("resubmitted", ValueOf(reread));
        Assert.Equal(state.ETag, reread.ETag);
        Assert.True(reread.RecordExists);
    }

    [Fact]
    public async Task ConcurrentWritesOfManyGrainsAllCommitExceptTheOneWithAStaleEtag()
    {
        var staleGrain = NewGrainId();
        var (winner, stale) = await TwoActivationsOfWhichTheFirstWroteAsync(staleGrain);
        stale.State = new() { Value = "stale" };
        var grains = Enumerable.Range(0, ConcurrentWriters).Select(_ => NewGrainId()).ToList();

        // All start before any is awaited, the stale one among them.
        var writes = grains
            .Take(ConcurrentWriters / 2)
            .Select((grainId, i) => WriteAsync(grainId, $"value-{i}"))
            .ToList();
        var staleWrite = Storage.WriteStateAsync(StateName, staleGrain, stale);
        writes.AddRange(grains
            .Skip(ConcurrentWriters / 2)
            .Select((grainId, i) => WriteAsync(grainId, $"value-{i + (ConcurrentWriters / 2)}")));

        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite.WaitAsync(Patience));
        await Task.WhenAll(writes).WaitAsync(Patience);
        var rereads = await Task.WhenAll(grains.Select(grainId => ReadAsync(grainId))).WaitAsync(Patience);
        Assert.Equal(grains.Select((_, i) => $"value-{i}"), rereads.Select(ValueOf));
        Assert.Equal(winner.ETag, (await ReadAsync(staleGrain)).ETag);
        if (WritesShareATransaction)
        {
            // now() is the start of the transaction: rows written in one batch share it.
            var rows = new List<StoredRow>();
            foreach (var grainId in grains)
            {
                rows.Add(await RowAsync(grainId));
            }

            var transactions = rows.Select(row => row.ModifiedAt).Distinct().Count();
            Assert.True(
                transactions < ConcurrentWriters / 4,
                $"{ConcurrentWriters} concurrent writes committed in {transactions} transactions.");
        }
    }

    [Fact]
    public async Task FailedTransactionFailsTheWritesThatSharedItAndChangesNoneOfTheirRows()
    {
        // The batching provider sends at most BatchesInFlight batches at once. While that many
        // writes wait for locked rows, the writes queued after them cannot go; once the lock is
        // released they go together, in one batch. The ADO.NET provider sends each write at once,
        // on its own.
        var heldBack = Enumerable.Range(0, BatchedGrainStorageFixture.BatchesInFlight).Select(_ => NewGrainId()).ToArray();
        var bystanders = new[] { NewGrainId(), NewGrainId(), NewGrainId() };
        var victim = NewGrainId();
        var queuedGrains = bystanders.Append(victim).ToArray();
        var states = new Dictionary<GrainId, GrainState<StorageContractState>>();
        foreach (var grainId in heldBack.Concat(queuedGrains))
        {
            states[grainId] = await WriteNewAsync(grainId, "before");
        }

        var etagsBefore = queuedGrains.ToDictionary(grainId => grainId, grainId => states[grainId].ETag);
        await using var holdBackLock = await fixture.LockRowsAsync(StateName, heldBack);
        await using var victimLock = await fixture.LockRowsAsync(StateName, victim);
        var heldBackWrites = new List<Task>();
        foreach (var grainId in heldBack)
        {
            heldBackWrites.Add(WriteAsync(grainId, "after", states[grainId]));
            await fixture.WaitForBackendsBlockedByAsync(holdBackLock.BackendPid, heldBackWrites.Count, Patience);
        }

        // Queued while nothing can be sent; the victim's row is still locked when they go, and
        // ending the session waiting for it fails its transaction.
        var queued = queuedGrains.ToDictionary(grainId => grainId, grainId => WriteAsync(grainId, "after", states[grainId]));
        await holdBackLock.ReleaseAsync();
        var waiting = await fixture.WaitForBackendsBlockedByAsync(victimLock.BackendPid, 1, Patience);
        await fixture.TerminateBackendAsync(Assert.Single(waiting));
        await Task.WhenAll(queued.Values)
            .WaitAsync(Patience)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await victimLock.ReleaseAsync();

        await Task.WhenAll(heldBackWrites).WaitAsync(Patience);
        Assert.All(queued.Values, write => Assert.True(write.IsCompleted, "A queued write is still waiting."));
        Assert.True(queued[victim].IsFaulted, "The write of the row whose transaction failed succeeded.");
        var failedTogether = WritesShareATransaction ? queuedGrains : [victim];
        foreach (var grainId in queuedGrains)
        {
            var reread = await ReadAsync(grainId);
            if (failedTogether.Contains(grainId))
            {
                Assert.True(queued[grainId].IsFaulted, $"The write of {grainId} succeeded.");
                Assert.Equal("before", ValueOf(reread));
                Assert.Equal(etagsBefore[grainId], reread.ETag);
                Assert.Equal(etagsBefore[grainId], (await RowAsync(grainId)).Etag);
            }
            else
            {
                Assert.True(queued[grainId].IsCompletedSuccessfully, $"The write of {grainId} failed: {queued[grainId].Exception}");
                Assert.Equal("after", ValueOf(reread));
            }
        }
    }

    [Fact]
    public async Task StateOfTwoMegabytesRoundTripsIntact()
    {
        var grainId = NewGrainId();
        var blob = new byte[2 * 1024 * 1024];
        new Random(20_260_101).NextBytes(blob);
        var state = new GrainState<StorageContractState>(new() { Value = "scan", Blob = blob });

        await Storage.WriteStateAsync(StateName, grainId, state);

        var reread = await ReadAsync(grainId);
        Assert.Equal("scan", ValueOf(reread));
        Assert.NotNull(reread.State?.Blob);
        Assert.Equal(blob.Length, reread.State.Blob.Length);
        Assert.True(blob.AsSpan().SequenceEqual(reread.State.Blob), "The blob read back differs from the one written.");
        Assert.True((await RowAsync(grainId)).Payload!.Length >= blob.Length);
    }

    [Fact]
    public async Task ReadOfAnotherGrainTypeWithTheSameKeyAndStateNameFindsTheFirstTypesRowOnlyWhenTheRowKeyLacksTheGrainType()
    {
        var key = NewKey();
        var first = await WriteNewAsync(GrainId.Create(DirectGrainType, key), "first type");

        var other = await ReadAsync(GrainId.Create(OtherGrainType, key));

        if (RowKeyIncludesTheGrainType)
        {
            Assert.Null(ValueOf(other));
            Assert.Null(other.ETag);
            Assert.False(other.RecordExists);
        }
        else
        {
            Assert.Equal("first type", ValueOf(other));
            Assert.Equal(first.ETag, other.ETag);
        }
    }

    [Fact]
    public async Task FirstWriteOfAnotherGrainTypeWithTheSameKeyAndStateNameSucceedsOnlyWhenTheRowKeyIncludesTheGrainType()
    {
        var key = NewKey();
        var firstId = GrainId.Create(DirectGrainType, key);
        var otherId = GrainId.Create(OtherGrainType, key);
        var first = await WriteNewAsync(firstId, "first type");
        var other = new GrainState<StorageContractState>(new() { Value = "other type" });

        var failure = await Record.ExceptionAsync(() => Storage.WriteStateAsync(StateName, otherId, other));

        var firstReread = await ReadAsync(firstId);
        var otherReread = await ReadAsync(otherId);
        Assert.Equal("first type", ValueOf(firstReread));
        Assert.Equal(first.ETag, firstReread.ETag);
        if (RowKeyIncludesTheGrainType)
        {
            Assert.Null(failure);
            Assert.Equal("other type", ValueOf(otherReread));
            Assert.Equal(other.ETag, otherReread.ETag);
        }
        else
        {
            Assert.IsType<InconsistentStateException>(failure);
            Assert.Equal("first type", ValueOf(otherReread));
        }
    }

    [Fact]
    public async Task GrainStateIsReadBackAfterTheGrainIsDeactivated()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IStorageContractGrain>(NewKey());
        await grain.SetValueAsync("disbursed");
        await fixture.Cluster.DeactivateAsync(grain);

        var value = await grain.GetValueAsync();

        Assert.Equal("disbursed", value);
        Assert.NotNull((await RowAsync(grain.GetGrainId(), StorageContractGrain.StateName)).Payload);
    }

    [Fact]
    public async Task ClearedGrainStateIsGoneAfterTheGrainIsDeactivated()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IStorageContractGrain>(NewKey());
        await grain.SetValueAsync("rejected");
        await grain.ClearAsync();
        await fixture.Cluster.DeactivateAsync(grain);

        var value = await grain.GetValueAsync();

        Assert.Null(value);
        Assert.Null((await RowAsync(grain.GetGrainId(), StorageContractGrain.StateName)).Payload);
    }

    protected static GrainId NewGrainId() => GrainId.Create(DirectGrainType, NewKey());

    protected async Task<GrainState<StorageContractState>> WriteNewAsync(GrainId grainId, string value, IGrainStorage? storage = null)
    {
        var state = new GrainState<StorageContractState>(new() { Value = value });
        await (storage ?? Storage).WriteStateAsync(StateName, grainId, state);
        return state;
    }

    protected async Task<GrainState<StorageContractState>> ReadAsync(GrainId grainId, IGrainStorage? storage = null)
    {
        var state = new GrainState<StorageContractState>();
        await (storage ?? Storage).ReadStateAsync(StateName, grainId, state);
        return state;
    }

    /// <summary>
    /// Two activations read the grain's written state; the first then writes "winner", which
    /// leaves the second with a stale etag.
    /// </summary>
    protected async Task<(GrainState<StorageContractState> Winner, GrainState<StorageContractState> Stale)>
        TwoActivationsOfWhichTheFirstWroteAsync(GrainId grainId, IGrainStorage? storage = null)
    {
        await WriteNewAsync(grainId, "original", storage);
        var winner = await ReadAsync(grainId, storage);
        var stale = await ReadAsync(grainId, storage);
        winner.State = new() { Value = "winner" };
        await (storage ?? Storage).WriteStateAsync(StateName, grainId, winner);
        return (winner, stale);
    }

    protected async Task<StoredRow> RowAsync(GrainId grainId, string stateName = StateName) =>
        await fixture.ReadRowAsync(grainId, stateName)
        ?? throw new Xunit.Sdk.XunitException($"No row for {grainId} ({stateName}).");

    // Providers hand out a new state object where nothing is stored, never null.
    protected static string? ValueOf(GrainState<StorageContractState> state)
    {
        Assert.NotNull(state.State);
        return state.State.Value;
    }

    // Unique, and no GUID, integer or compound key to Orleans' key helpers: a plain string key.
    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private static void AssertUnchanged(StoredRow before, StoredRow after)
    {
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.ModifiedAt, after.ModifiedAt);
        Assert.Equal(before.Payload, after.Payload);
    }

    private Task WriteAsync(GrainId grainId, string value, GrainState<StorageContractState>? state = null)
    {
        state ??= new GrainState<StorageContractState>();
        state.State = new() { Value = value };
        return Storage.WriteStateAsync(StateName, grainId, state);
    }
}
