using System.Collections.Concurrent;
using System.Diagnostics;
using Microfinance.Abstractions.Events;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Events;
using Orleans.Streams;

namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// The events a county's stream delivered to the test client. Streams deliver asynchronously, so
/// a test waits for what it expects, within a bound, rather than reading right after its change.
/// </summary>
/// <remarks>
/// A new subscription may also be handed events queued shortly before it (the stream's cache
/// replays them): a test looks only at events its own changes can have caused.
/// </remarks>
public sealed class CountyEventLog : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentQueue<CountyEvent> _received = new();
    private readonly Func<CountyEvent, Task> _onEvent;
    private StreamSubscriptionHandle<CountyEvent>? _subscription;

    private CountyEventLog(Func<CountyEvent, Task>? onEvent) => _onEvent = onEvent ?? (_ => Task.CompletedTask);

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<CountyEvent> Received => [.. _received];

    /// <summary>
    /// Subscribes to <paramref name="county"/>'s stream; <paramref name="onEvent"/> runs after each
    /// event is logged, before the stream may deliver the next.
    /// </summary>
    public static async Task<CountyEventLog> SubscribeAsync(IClusterClient client, AdminCode county, Func<CountyEvent, Task>? onEvent = null)
    {
        var log = new CountyEventLog(onEvent);
        var stream = client.GetStreamProvider(CountyEvents.ProviderName).GetStream<CountyEvent>(CountyEvents.StreamOf(county));
        log._subscription = await stream.SubscribeAsync((countyEvent, _) =>
        {
            log._received.Enqueue(countyEvent);
            return log._onEvent(countyEvent);
        });
        return log;
    }

    /// <summary>Every <typeparamref name="T"/> received so far, in arrival order.</summary>
    public IReadOnlyList<T> All<T>() where T : CountyEvent => [.. _received.OfType<T>()];

    /// <summary>Waits for the first <typeparamref name="T"/> that matches; fails once the bound passes.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null) where T : CountyEvent
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_received.OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true) is { } found)
            {
                return found;
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException(
                    $"No matching {typeof(T).Name} arrived within {Patience.TotalSeconds} s; received: "
                    + string.Join(", ", _received.Select(e => e.GetType().Name)));
            }

            await Task.Delay(PollInterval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }
}
