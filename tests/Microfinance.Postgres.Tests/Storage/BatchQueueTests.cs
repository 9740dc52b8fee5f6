using System.Collections.Concurrent;
using Microfinance.Storage;

namespace Microfinance.Postgres.Tests.Storage;

/// <summary>The batching of the grain storage, without a database: a fake round trip that the test releases.</summary>
public sealed class BatchQueueTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ALoneRequestGoesOutAtOnce()
    {
        var database = new FakeDatabase { Hold = false };
        await using var queue = database.Queue(maxInFlight: 2);

        var answer = await queue.EnqueueAsync(Read("a")).WaitAsync(HangGuard);

        Assert.Equal("a", answer);
    }

    [Fact]
    public async Task RequestsArrivingWhileTheOnlySlotIsBusyShareTheNextBatch()
    {
        var database = new FakeDatabase { Hold = true };
        await using var queue = database.Queue(maxInFlight: 1);
        var first = queue.EnqueueAsync(Read("first"));
        await database.SentAsync(1);
        var rest = Enumerable.Range(0, 10).Select(i => queue.EnqueueAsync(Read($"row-{i}"))).ToList();
        database.Hold = false;

        database.Release();

        await Task.WhenAll(rest.Append(first)).WaitAsync(HangGuard);
        Assert.Equal([1, 10], database.Batches.Select(batch => batch.Count));
    }

    [Fact]
    public async Task ARowsSecondRequestWaitsForTheBatchCarryingItsFirstEvenWithASlotFree()
    {
        var database = new FakeDatabase { Hold = true };
        await using var queue = database.Queue(maxInFlight: 2);
        var first = queue.EnqueueAsync(Read("loan-1"));
        await database.SentAsync(1);

        var second = queue.EnqueueAsync(Read("loan-1"));
        var other = queue.EnqueueAsync(Read("loan-2"));

        await database.SentAsync(2);
        Assert.Equal(["loan-2"], database.Batches[1].Select(read => read.Key.GrainKey));
        Assert.False(second.IsCompleted);
        database.Hold = false;
        database.Release();
        await Task.WhenAll(first, second, other).WaitAsync(HangGuard);
        Assert.Equal(["loan-1"], database.Batches[2].Select(read => read.Key.GrainKey));
    }

    [Fact]
    public async Task AFailedBatchFailsEveryCallerInIt()
    {
        var database = new FakeDatabase { Hold = true };
        await using var queue = database.Queue(maxInFlight: 1);
        var blocker = queue.EnqueueAsync(Read("blocker"));
        await database.SentAsync(1);
        var callers = Enumerable.Range(0, 5).Select(i => queue.EnqueueAsync(Read($"row-{i}"))).ToList();
        database.Release();
        await blocker.WaitAsync(HangGuard);
        await database.SentAsync(2);

        database.Release(new InvalidOperationException("connection lost"));

        foreach (var caller in callers)
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => caller.WaitAsync(HangGuard));
            Assert.Equal("connection lost", failure.Message);
        }
    }

    private static StateRead Read(string key) => new(new RowKey("probe", key, "state"));

    /// <summary>Answers each read with its key; while <see cref="Hold"/> is on, a batch waits for <see cref="Release"/>.</summary>
    private sealed class FakeDatabase
    {
        private readonly ConcurrentQueue<TaskCompletionSource<Exception?>> _held = new();
        private readonly SemaphoreSlim _sent = new(0);
        private readonly List<IReadOnlyList<StateRead>> _batches = [];

        public volatile bool Hold;

        public IReadOnlyList<IReadOnlyList<StateRead>> Batches
        {
            get
            {
                lock (_batches)
                {
                    return [.. _batches];
                }
            }
        }

        public BatchQueue<StateRead, string> Queue(int maxInFlight) =>
            new(SendAsync, new BatchLimits(MaxRequests: 100, MaxPayloadBytes: 1 << 20, maxInFlight), "read");

        /// <summary>Waits until <paramref name="count"/> batches in all have been sent.</summary>
        public async Task SentAsync(int count)
        {
            while (Batches.Count < count)
            {
                await _sent.WaitAsync(HangGuard);
            }
        }

        /// <summary>Lets every held batch return, or fail with <paramref name="failure"/>.</summary>
        public void Release(Exception? failure = null)
        {
            while (_held.TryDequeue(out var batch))
            {
                batch.SetResult(failure);
            }
        }

        private async Task<IReadOnlyList<string>> SendAsync(IReadOnlyList<StateRead> batch, CancellationToken ct)
        {
            var gate = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Hold)
            {
                _held.Enqueue(gate);
            }
            else
            {
                gate.SetResult(null);
            }

            lock (_batches)
            {
                _batches.Add(batch);
            }

            _sent.Release();
            if (await gate.Task is { } failure)
            {
                throw failure;
            }

            return [.. batch.Select(read => read.Key.GrainKey)];
        }
    }
}
