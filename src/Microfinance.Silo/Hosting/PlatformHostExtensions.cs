using System.Net;
using Grpc.AspNetCore.Server.Model;
using Microfinance.Silo.Api;
using Microfinance.Silo.Api.Dashboards;
using Microfinance.Silo.Api.Errors;
using Microfinance.Silo.Api.Loans;
using Microfinance.Silo.Audit;
using Microfinance.Silo.Demo;
using Microfinance.Silo.Health;
using Microfinance.Silo.Security;
using Microfinance.Silo.Web;
using Microfinance.Storage.Audit;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Microfinance.Silo.Hosting;

/// <summary>Wires the silo, its storage profile and the gRPC API into the web host.</summary>
public static class PlatformHostExtensions
{
    private const string GrpcCallHandlerLog = "Grpc.AspNetCore.Server.ServerCallHandler";

    /// <summary>
    /// Adds the Orleans silo and the gRPC API. With no PostgreSQL connection string configured
    /// this is the embedded profile; with one, the PostgreSQL profile.
    /// </summary>
    public static WebApplicationBuilder AddMicrofinanceSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new();
        var postgres = FirstNonEmpty(
            options.Postgres,
            builder.Configuration.GetConnectionString("Postgres"),
            builder.Configuration["MICROFINANCE_POSTGRES"]);
        var profile = postgres is null ? PlatformProfile.Embedded : PlatformProfile.Postgres;
        var practice = options.Practice ?? profile == PlatformProfile.Embedded;

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = SiloIdentity.ServiceId;
                cluster.ClusterId = options.ClusterId;
            });
            silo.UseMicrofinanceGrains(practice);
            if (PlatformObservability.Traced(builder.Configuration))
            {
                silo.AddActivityPropagation();
            }

            // The operators' view of the cluster, served on the web port to operators only. Its live
            // log trace is off: it would stream every log line of a busy silo to each open page.
            silo.AddDashboard(dashboard => dashboard.HideTrace = true);
            if (postgres is null)
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
                silo.UseMicrofinanceEmbedded();
            }
            else
            {
                silo.ConfigureEndpoints(
                    IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseMicrofinancePostgres(postgres, options.GrainStorage);
                if (options.Kubernetes)
                {
                    silo.UseKubernetesHosting();
                }
            }
        });

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownSeconds));
        builder.AddPlatformObservability(options);

        var certificate = TransportSecurity.Certificate(options);
        if (profile == PlatformProfile.Postgres && certificate is null && !options.AllowPlainText)
        {
            throw new InvalidOperationException(
                "The PostgreSQL profile serves gRPC over TLS: set Microfinance:TlsCertificatePath and :TlsKeyPath, "
                + "or Microfinance:AllowPlainText=true where a service mesh encrypts the traffic. See the README.");
        }

        // gRPC without TLS needs an endpoint that speaks HTTP/2 only (there is no ALPN to negotiate it).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Grpc(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            }

            // Browsers speak HTTP/1.1 to the dashboards: a port of its own.
            void Web(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http1;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            }

            if (profile == PlatformProfile.Embedded)
            {
                kestrel.ListenLocalhost(options.GrpcPort, Grpc);
                kestrel.ListenLocalhost(options.WebPort, Web);
            }
            else
            {
                kestrel.ListenAnyIP(options.GrpcPort, Grpc);
                kestrel.ListenAnyIP(options.WebPort, Web);
            }
        });

        var developmentKey = builder.AddPlatformAuthentication(profile);
        builder.Services.AddGrpc(grpc =>
        {
            // The audit trail sees each call's final status; errors come next, so a refusal while
            // admitting a call is reported as any other.
            grpc.Interceptors.Add<AuditInterceptor>();
            grpc.Interceptors.Add<DomainErrorInterceptor>();
            grpc.Interceptors.Add<AccessInterceptor>();
        });
        // Made by the container, so it is disposed with the host and sends what is queued first.
        builder.Services.AddSingleton<IAuditTrail>(_ => postgres is null
            ? new MemoryAuditTrail()
            : new PostgresAuditTrail(postgres, SiloIdentity.ServiceId));
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.Replace(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(MalformedRequestBinder<>)));

        // Grpc.AspNetCore logs every refused call at Information, a malformed request twice and with
        // its stack trace; MalformedRequestBinder says it in one line instead. Failures stay logged:
        // the server logs a service's unexpected exception as an Error.
        builder.Logging.AddFilter(GrpcCallHandlerLog, LogLevel.Warning);
        builder.Services.AddSingleton<LoanDecisionRequests>();
        builder.Services.AddSingleton<BankDecisionRunner>();
        builder.Services.AddSingleton<DashboardFeeds>();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<SiloActiveHealthCheck>("silo");
        var seedDemo = options.SeedDemo ?? profile == PlatformProfile.Embedded;
        builder.Services.AddSingleton(new PlatformStartup(profile, options.GrpcPort, options.WebPort, certificate is not null, developmentKey, seedDemo, practice));
        builder.Services.AddHostedService<StartupBanner>();
        if (seedDemo)
        {
            builder.Services.AddHostedService<DemoProvinceSeeder>();
        }

        return builder;
    }

    /// <summary>
    /// Maps the gRPC services, reflection and health, and on the web port the dashboards, the
    /// metrics and the probes; behind bearer-token authentication where a caller is needed.
    /// </summary>
    public static WebApplication MapMicrofinanceApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        var options = app.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new();
        app.MapDashboardWeb(options.WebPort);
        var web = $"*:{options.WebPort}";
        app.MapPrometheusScrapingEndpoint(PlatformObservability.MetricsPath).RequireHost(web);

        // An orchestrator's probes, neither asking the database: alive while the process answers;
        // ready while this silo is an active member of its cluster (as the gRPC health service says).
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).RequireHost(web);
        app.MapHealthChecks("/readyz").RequireHost(web);
        app.MapGrpcService<RegionGrpcService>();
        app.MapGrpcService<HouseholdGrpcService>();
        app.MapGrpcService<LegalPersonGrpcService>();
        app.MapGrpcService<PolicyGrpcService>();
        app.MapGrpcService<QuotaGrpcService>();
        app.MapGrpcService<FundGrpcService>();
        app.MapGrpcService<LoanGrpcService>();
        app.MapGrpcService<ServicingGrpcService>();
        app.MapGrpcService<DashboardGrpcService>();
        app.MapGrpcService<SubsidyGrpcService>();
        app.MapGrpcService<CompensationGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<ClockGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
