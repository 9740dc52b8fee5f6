namespace Microfinance.Grains.Common;

/// <summary>
/// Group commit for a grain that many callers change at once: every change is made in memory in
/// the caller's turn, then the caller awaits a write that starts after its change. One write is in
/// flight at a time; callers that arrive meanwhile share the next one. So a hot grain (a village's
/// quota, a county's fund) pays one storage round trip per batch, not per caller, and still
/// acknowledges nobody before their change is durable.
/// </summary>
/// <remarks>
/// Every write of the grain's state must go through one instance, or two writes would race on the
/// etag. When a write fails, the in-memory state holds changes that are not durable: the
/// <c>onFailure</c> callback (deactivating the grain) makes the next call reload what is.
/// </remarks>
public sealed class GroupCommit(Func<Task> write, Action onFailure)
{
    private TaskCompletionSource? _pending;
    private bool _writing;

    /// <summary>Completes once a write that includes every change made before this call is durable.</summary>
    public Task WriteAsync()
    {
        _pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batch = _pending.Task;
        if (!_writing)
        {
            _ = PumpAsync();
        }

        return batch;
    }

    private async Task PumpAsync()
    {
        _writing = true;
        try
        {
            while (_pending is { } batch)
            {
                _pending = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception error)
                {
                    onFailure();
                    batch.SetException(error);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
