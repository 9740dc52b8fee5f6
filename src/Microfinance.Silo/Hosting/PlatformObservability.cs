using Microfinance.Grains.Common;
using Microfinance.Grains.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microfinance.Silo.Hosting;

/// <summary>
/// What operators watch the platform by: metrics on a Prometheus scrape endpoint, traces to an
/// OpenTelemetry collector when one is configured, and logs as JSON if asked for.
/// </summary>
public static class PlatformObservability
{
    /// <summary>The scrape endpoint, on the web port.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The standard variable naming the collector traces go to; without it, no traces are made.</summary>
    public const string TraceCollectorVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The meters exported: the platform's lending, the operators' gauges, Orleans' runtime, the gRPC
    /// and web requests (ASP.NET Core's request durations, by route: one per RPC), Kestrel, Npgsql and
    /// the .NET runtime.
    /// </summary>
    private static readonly string[] Meters =
        [LendingMeter.Name, ProvinceGaugeMeter.Name, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql", "System.Runtime"];

    /// <summary>Orleans' activity sources: a grain call's span, and the spans grains make.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Whether a trace collector is configured: grain calls then carry their trace context.</summary>
    public static bool Traced(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[TraceCollectorVariable]);

    public static WebApplicationBuilder AddPlatformObservability(this WebApplicationBuilder builder, PlatformOptions options)
    {
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole();
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        builder.Services.Configure<ProvinceGaugeOptions>(gauges => gauges.ReadEvery = TimeSpan.FromSeconds(options.GaugeReadSeconds));
        builder.Services.AddHostedService<ProvinceGaugesKeeper>();
        if (Traced(builder.Configuration))
        {
            // A loan's path: the gRPC call, each grain call it makes, and their PostgreSQL statements.
            telemetry.WithTracing(tracing => tracing
                .AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter());
        }

        return builder;
    }
}
