using System.Threading.Channels;

namespace Microfinance.Storage;

/// <summary>
/// Gathers requests from many callers and sends whatever is waiting as one batch, one batch in
/// flight at a time: while a batch is on its way to the database the next one fills. There is no
/// timer, so a lone request goes out at once and load alone makes batches bigger.
/// </summary>
/// <remarks>
/// A batch holds at most one request per row key: a second request for a row already in the batch
/// waits for the next one, so requests for one row run in the order they were made. A caller's
/// task completes only after the batch that holds its request has returned; if the batch fails,
/// every caller in it gets the failure.
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
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _loop;

    /// <param name="send">Sends one batch; returns one result per request, in the batch's order.</param>
    /// <param name="limits">How many requests and payload bytes one batch may hold.</param>
    public BatchQueue(Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> send, BatchLimits limits)
    {
        _send = send;
        _limits = limits;
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
        _abandon.Dispose();
    }

    /// <summary>Stops without waiting for the database: queued and in-flight callers fail.</summary>
    public void Abandon()
    {
        _waiting.Writer.TryComplete();
        _abandon.Cancel();
    }

    private async Task RunAsync()
    {
        // Requests taken from the channel that did not fit into the last batch go first next time.
        var carried = new Queue<Pending>();
        while (carried.Count > 0 || await _waiting.Reader.WaitToReadAsync())
        {
            var batch = TakeBatch(carried);
            await SendAsync(batch);
        }
    }

    private List<Pending> TakeBatch(Queue<Pending> carried)
    {
        var batch = new List<Pending>();
        var keys = new HashSet<RowKey>();
        var bytes = 0L;
        var deferred = new Queue<Pending>();
        while (batch.Count < _limits.MaxRequests && (carried.TryDequeue(out var next) || _waiting.Reader.TryRead(out next)))
        {
            var size = next.Request.PayloadBytes;
            if (batch.Count > 0 && bytes + size > _limits.MaxPayloadBytes)
            {
                deferred.Enqueue(next);
                break;
            }

            if (!keys.Add(next.Request.Key))
            {
                deferred.Enqueue(next);
                continue;
            }

            batch.Add(next);
            bytes += size;
        }

        // Keep the order of what is left: the deferred ones were taken before anything still carried.
        while (carried.TryDequeue(out var rest))
        {
            deferred.Enqueue(rest);
        }

        while (deferred.TryDequeue(out var again))
        {
            carried.Enqueue(again);
        }

        return batch;
    }

    private async Task SendAsync(List<Pending> batch)
    {
        IReadOnlyList<TResult> results;
        try
        {
            _abandon.Token.ThrowIfCancellationRequested();
            results = await _send(batch.ConvertAll(pending => pending.Request), _abandon.Token);
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private sealed class Pending(TRequest request)
    {
        public TRequest Request { get; } = request;

        // The flusher must never run a caller's continuation inline: it would hold up the next batch.
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
