using Microsoft.Extensions.DependencyInjection;

namespace Microfinance.Grains.Events;

/// <summary>The stream provider of county events, on silos and on clients that subscribe.</summary>
public static class CountyEventStreams
{
    /// <summary>
    /// Adds the in-memory stream provider that carries county events. The silo also needs a
    /// <c>PubSubStore</c> grain storage, where subscriptions are kept: each storage profile adds its own.
    /// </summary>
    /// <remarks>
    /// Memory streams hold events in queue grains and lose what is queued when a silo dies; the
    /// dashboards do not need more, because every watch starts from a snapshot of durable state.
    /// </remarks>
    public static ISiloBuilder AddCountyEventStreams(this ISiloBuilder silo) =>
        silo.AddMemoryStreams(CountyEvents.ProviderName);

    /// <summary>Lets a client subscribe to county events.</summary>
    public static IClientBuilder AddCountyEventStreams(this IClientBuilder client) =>
        client.AddMemoryStreams(CountyEvents.ProviderName);
}
