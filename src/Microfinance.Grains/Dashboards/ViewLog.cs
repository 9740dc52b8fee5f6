using Microfinance.Abstractions.Dashboards;

namespace Microfinance.Grains.Dashboards;

/// <summary>
/// A dashboard view's numbered run of recent deltas: watchers follow it by revision, and one further
/// behind than it keeps starts again from a snapshot. Its size is the most any watcher can cost the
/// dashboard, however slow the watcher.
/// </summary>
public sealed class ViewLog<TDelta>(int capacity)
{
    private readonly Queue<(long Revision, TDelta Delta)> _recent = new();
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Names this view: a rebuilt dashboard has a new one, so a watcher's old cursor leads to a snapshot.</summary>
    public Guid ViewId { get; } = Guid.NewGuid();

    /// <summary>The revision of the last delta, or 0 before the first.</summary>
    public long Revision { get; private set; }

    /// <summary>Numbers a delta (made by <paramref name="make"/> from its revision) and wakes the watchers.</summary>
    public void Append(Func<long, TDelta> make)
    {
        Revision++;
        _recent.Enqueue((Revision, make(Revision)));
        if (_recent.Count > capacity)
        {
            _recent.Dequeue();
        }

        Wake();
    }

    /// <summary>
    /// Up to <paramref name="max"/> deltas after <paramref name="cursor"/> (none when it is current), or
    /// null when the cursor is of another view or further behind than the log keeps.
    /// </summary>
    public IReadOnlyList<TDelta>? After(DashboardCursor cursor, int max)
    {
        var oldestKept = _recent.Count == 0 ? Revision + 1 : _recent.Peek().Revision;
        if (cursor.ViewId != ViewId || cursor.Revision > Revision || cursor.Revision + 1 < oldestKept)
        {
            return null;
        }

        return [.. _recent.SkipWhile(entry => entry.Revision <= cursor.Revision).Take(max).Select(entry => entry.Delta)];
    }

    /// <summary>The longest a poll waits for a change.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    /// <summary>The most deltas one poll returns.</summary>
    public const int MostPerPoll = 512;

    /// <summary>
    /// A watcher's poll: the deltas after <paramref name="cursor"/> in the view <paramref name="current"/>
    /// gives, waiting up to <paramref name="wait"/> for the first; none when nothing changed meanwhile;
    /// null when the watcher needs a snapshot of the current view.
    /// </summary>
    public static async Task<IReadOnlyList<TDelta>?> PollAsync(DashboardCursor? cursor, TimeSpan wait, Func<Task<ViewLog<TDelta>>> current)
    {
        var log = await current();
        if (cursor is null || log.After(cursor, MostPerPoll) is not { } deltas)
        {
            return null;
        }

        if (deltas.Count > 0)
        {
            return deltas;
        }

        await log.WaitAsync(wait < LongestWait ? wait : LongestWait);
        return (await current()).After(cursor, MostPerPoll);
    }

    /// <summary>Waits for the next delta (or for <see cref="Close"/>), at most <paramref name="wait"/>.</summary>
    public async Task WaitAsync(TimeSpan wait)
    {
        try
        {
            await _appended.Task.WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            // Nothing changed meanwhile: the watcher gets an empty update and asks again.
        }
    }

    /// <summary>Wakes every waiting watcher for good: the view is being replaced, and they go on with its successor.</summary>
    public void Close() => _appended.TrySetResult();

    private void Wake()
    {
        var appended = _appended;
        _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        appended.TrySetResult();
    }
}
