using Grpc.Core;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Silo.Api.Errors;

namespace Microfinance.Silo.Api.Dashboards;

/// <summary>
/// Runs one watch: polls a dashboard grain from the watcher's cursor and writes what it gets, until
/// the watcher goes. It polls again only once the watcher has taken the last write, so a watcher that
/// stops reading holds nothing but its place: when it reads again, a view that moved on by more than
/// it keeps gives it a snapshot.
/// </summary>
/// <typeparam name="TResponse">The watch's response message.</typeparam>
public sealed class DashboardWatch<TResponse>(ILogger logger, string watched)
{
    /// <summary>How long a poll waits for a change before the watch sends a heartbeat.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(15);

    /// <summary>How long the watch waits before polling again after a silo or the database failed it.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Runs the watch. <paramref name="poll"/> returns the responses of one update and the cursor
    /// after them; a failure of the first poll (the county is not registered, say) ends the watch with
    /// its status, while a passing failure later (a silo died) is retried from the same cursor.
    /// </summary>
    public async Task RunAsync(
        DashboardCursor? cursor,
        Func<DashboardCursor?, Task<(DashboardCursor Cursor, IReadOnlyList<TResponse> Responses)>> poll,
        Func<long, TResponse> heartbeat,
        IServerStreamWriter<TResponse> responses,
        CancellationToken cancellation)
    {
        var started = false;
        while (!cancellation.IsCancellationRequested)
        {
            (DashboardCursor Cursor, IReadOnlyList<TResponse> Responses) update;
            try
            {
                update = await poll(cursor).WaitAsync(cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (started && DomainErrorInterceptor.IsPassing(failure))
            {
                logger.LogWarning("The watch of {Watched} lost its dashboard ({Failure}); it polls again", watched, failure.GetType().Name);
                await Task.Delay(RetryAfter, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            started = true;
            try
            {
                foreach (var response in update.Responses.Count > 0 ? update.Responses : [heartbeat(update.Cursor.Revision)])
                {
                    await responses.WriteAsync(response, cancellation);
                }
            }
            catch (Exception) when (cancellation.IsCancellationRequested)
            {
                return;
            }

            cursor = update.Cursor;
        }
    }
}
