using Microfinance.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microfinance.Grains.Events;

/// <summary>How a grain tells its county's dashboards what it changed.</summary>
public static class CountyEventPublisher
{
    /// <summary>
    /// Publishes <paramref name="countyEvent"/> on its county's stream. Call it after the change is
    /// durable, and only when something changed (never for a replayed request).
    /// </summary>
    /// <remarks>
    /// The queue behind the stream takes the event and the call returns; subscribers read from the
    /// queue at their own pace, so a slow dashboard never slows the business call. Nor does a failed
    /// publish fail it: the change is already durable and a dashboard heals from its next snapshot,
    /// so the failure is logged and the call carries on.
    /// </remarks>
    public static async Task PublishAsync(this Grain grain, CountyEvent countyEvent)
    {
        try
        {
            var stream = grain.GetStreamProvider(CountyEvents.ProviderName)
                .GetStream<CountyEvent>(CountyEvents.StreamOf(countyEvent.County));
            await stream.OnNextAsync(countyEvent);
        }
        catch (Exception failure)
        {
            grain.GrainContext.ActivationServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(CountyEventPublisher).FullName!)
                .LogWarning(
                    failure,
                    "{EventType} for county {County} from {Grain} was not published; dashboards catch up at their next snapshot",
                    countyEvent.GetType().Name,
                    countyEvent.County,
                    grain.GetGrainId());
        }
    }
}
