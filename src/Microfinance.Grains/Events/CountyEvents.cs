using Microfinance.Domain.Regions;
using Orleans.Runtime;

namespace Microfinance.Grains.Events;

/// <summary>
/// Where county events are published: one stream per county on one stream provider. Publishers
/// (the grains) and subscribers (dashboards, the watch call) meet through these names.
/// </summary>
public static class CountyEvents
{
    /// <summary>The name of the stream provider every silo and client configures.</summary>
    public const string ProviderName = "county-events";

    /// <summary>The stream namespace; the stream key is the county's 12-digit code.</summary>
    public const string StreamNamespace = "county";

    /// <summary>The stream that carries <paramref name="county"/>'s events.</summary>
    /// <exception cref="ArgumentException"><paramref name="county"/> is not a county code.</exception>
    public static StreamId StreamOf(AdminCode county) => county.Level == AdminLevel.County
        ? StreamId.Create(StreamNamespace, county.Value)
        : throw new ArgumentException($"{county} is a {county.Level} code, not a county's.", nameof(county));
}
