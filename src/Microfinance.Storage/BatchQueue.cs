using System.Diagnostics;
using System.Threading.Channels;

namespace Microfinance.Storage;

/// <summary>
/// Gathers requests from many callers and sends whatever is waiting as one batch, with a few
/// batches in flight at once: while they are on their way to the database the next one fills.
/// There is no timer, so a lone request goes out at once and load alone makes batches bigger.
/// </summary>
/// <remarks>
/// A row's requests never travel together: a request for a row that a batch in flight (or the
/// batch being filled) already carries waits for a later batch, so one row's requests run in the
/// order they were made. A caller's task completes only after the batch that holds its request
/// has returned; if the batch fails, every caller in it gets the failure.
/// </remarks>
/// <typeparam name="TRequest">What a caller asks for.</typeparam>
/// <typeparam name="TResult">What one request's caller gets back.</typeparam>
internal sealed class BatchQueue<TRequest, TResult> : IAsyncDisposable
    where TRequest : IBatchedRequest
{
    private readonly Channel<Pending> _waiting = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> _send;
    private readonly BatchLimits _limits;
    private readonly KeyValuePair<string, object?> _operation;
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _loop;

    /// <param name="send">Sends one batch; returns one result per request, in the batch's order.</param>
    /// <param name="limits">How many requests and payload bytes one batch may hold.</param>
    /// <param name="operation">What the batches do ("write", "read"), for <see cref="StorageMetrics"/>.</param>
    public BatchQueue(
        Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> send, BatchLimits limits, string operation)
    {
        _send = send;
        _limits = limits;
        _operation = new("operation", operation);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a request; the task completes once the batch that carries it has returned.</summary>
    /// <exception cref="InvalidOperationException">The queue is shutting down.</exception>
    public Task<TResult> EnqueueAsync(TRequest request)
    {
        var pending = new Pending(request);
        if (!_waiting.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("Grain storage has shut down; it takes no more requests.");
        }

        return pending.Completion.Task;
    }

    /// <summary>Sends what is already queued, takes nothing more, and returns when the last batch has.</summary>
    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _loop;
    }

    /// <summary>Stops without waiting for the database: queued and in-flight callers fail.</summary>
    public void Abandon()
    {
        _waiting.Writer.TryComplete();
        _abandon.Cancel();
    }

    private async Task RunAsync()
    {
        // Requests taken from the channel that could not go yet go first next time.
        var carried = new Queue<Pending>();
        var inFlight = new List<Task>();
        var busyKeys = new HashSet<RowKey>();
        Task<bool>? arrival = null;
        var closed = false;
        while (true)
        {
            var slotFree = inFlight.Count < _limits.MaxInFlight;
            if (slotFree)
            {
                var batch = TakeBatch(carried, busyKeys);
                if (batch.Count > 0)
                {
                    inFlight.Add(SendAsync(batch, busyKeys));
                    continue;
                }

                if (closed && carried.Count == 0)
                {
                    break;
                }
            }

            // Wait for a batch to come back (freeing a slot and its rows) or, with a slot free,
            // for new requests.
            if (slotFree && !closed)
            {
                arrival ??= _waiting.Reader.WaitToReadAsync().AsTask();
            }

            var waitingForArrival = slotFree && !closed;
            var first = await Task.WhenAny(waitingForArrival ? inFlight.Append(arrival!) : inFlight);
            if (waitingForArrival && first == arrival)
            {
                closed = !await arrival;
                arrival = null;
            }
            else
            {
                inFlight.Remove(first);
            }
        }

        await Task.WhenAll(inFlight);
    }

    // Takes what fits into the next batch. A request for a row that a batch in flight, or this
    // one, already carries waits, so each row's requests go in order.
    private List<Pending> TakeBatch(Queue<Pending> carried, HashSet<RowKey> busyKeys)
    {
        var batch = new List<Pending>();
        var keys = new HashSet<RowKey>();
        var bytes = 0L;
        var deferred = new Queue<Pending>();

        // A row once deferred stays deferred for this batch: its in-flight batch may come back
        // meanwhile, and a later request for it must not overtake the earlier one.
        var deferredKeys = new HashSet<RowKey>();
        while (batch.Count < _limits.MaxRequests && (carried.TryDequeue(out var next) || _waiting.Reader.TryRead(out next)))
        {
            var size = next.Request.PayloadBytes;
            if (batch.Count > 0 && bytes + size > _limits.MaxPayloadBytes)
            {
                deferred.Enqueue(next);
                break;
            }

            var key = next.Request.Key;
            if (deferredKeys.Contains(key) || IsBusy(busyKeys, key) || !keys.Add(key))
            {
                deferred.Enqueue(next);
                deferredKeys.Add(key);
                continue;
            }

            batch.Add(next);
            bytes += size;
        }

        // What was deferred was taken before anything still carried: it keeps its place in front.
        while (carried.TryDequeue(out var rest))
        {
            deferred.Enqueue(rest);
        }

        while (deferred.TryDequeue(out var again))
        {
            carried.Enqueue(again);
        }

        lock (busyKeys)
        {
            busyKeys.UnionWith(keys);
        }

        return batch;
    }

    private static bool IsBusy(HashSet<RowKey> busyKeys, RowKey key)
    {
        lock (busyKeys)
        {
            return busyKeys.Contains(key);
        }
    }

    private async Task SendAsync(List<Pending> batch, HashSet<RowKey> busyKeys)
    {
        IReadOnlyList<TResult>? results = null;
        Exception? failure = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            _abandon.Token.ThrowIfCancellationRequested();
            results = await _send(batch.ConvertAll(pending => pending.Request), _abandon.Token);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        StorageMetrics.Rows.Record(batch.Count, _operation);
        StorageMetrics.Batch.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, _operation);

        // The rows are free for the next batch before any caller hears back, so a caller's next
        // request for its row never waits behind this batch.
        lock (busyKeys)
        {
            foreach (var pending in batch)
            {
                busyKeys.Remove(pending.Request.Key);
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            StorageMetrics.Request.Record(Stopwatch.GetElapsedTime(batch[i].Enqueued).TotalMilliseconds, _operation);
            if (failure is null)
            {
                batch[i].Completion.TrySetResult(results![i]);
            }
            else
            {
                batch[i].Completion.TrySetException(failure);
            }
        }
    }

    private sealed class Pending(TRequest request)
    {
        public TRequest Request { get; } = request;

        public long Enqueued { get; } = Stopwatch.GetTimestamp();

        // The flusher must never run a caller's continuation inline: it would hold up the next batch.
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
