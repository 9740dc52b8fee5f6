using Microsoft.AspNetCore.Builder;

namespace Microfinance.Api.Tests.Support;

/// <summary>
/// A host of its own for the metrics tests, reading the operators' gauges every 2 s rather than
/// every minute: a reading visits every county, which the shared host's many tests need not pay for.
/// </summary>
public sealed class MetricsApiFixture : ApiFixture
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["Microfinance:GaugeReadSeconds"] = "2";
}

/// <summary>The metrics tests' host.</summary>
[CollectionDefinition(Name)]
public sealed class MetricsApiCollection : ICollectionFixture<MetricsApiFixture>
{
    public const string Name = "metrics-api";
}
