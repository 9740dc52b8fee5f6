using System.Net;
using Microfinance.Silo.Api;
using Microfinance.Silo.Api.Errors;
using Microfinance.Silo.Api.Loans;
using Microfinance.Silo.Demo;
using Microfinance.Silo.Health;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.Configuration;

namespace Microfinance.Silo.Hosting;

/// <summary>Wires the silo, its storage profile and the gRPC API into the web host.</summary>
public static class PlatformHostExtensions
{
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

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = SiloIdentity.ServiceId;
                cluster.ClusterId = options.ClusterId;
            });
            silo.UseMicrofinanceGrains();
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
            }
        });

        // Plain-text gRPC needs an endpoint that speaks HTTP/2 only (no TLS to negotiate it).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (profile == PlatformProfile.Embedded)
            {
                kestrel.ListenLocalhost(options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            }
            else
            {
                kestrel.ListenAnyIP(options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });

        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<DomainErrorInterceptor>());
        builder.Services.AddSingleton<LoanDecisionRequests>();
        builder.Services.AddSingleton<BankDecisionRunner>();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<SiloActiveHealthCheck>("silo");
        var seedDemo = options.SeedDemo ?? profile == PlatformProfile.Embedded;
        builder.Services.AddSingleton(new PlatformStartup(profile, options.GrpcPort, seedDemo));
        builder.Services.AddHostedService<StartupBanner>();
        if (seedDemo)
        {
            builder.Services.AddHostedService<DemoProvinceSeeder>();
        }

        return builder;
    }

    /// <summary>Maps the gRPC services, reflection and health.</summary>
    public static WebApplication MapMicrofinanceApi(this WebApplication app)
    {
        app.MapGrpcService<RegionGrpcService>();
        app.MapGrpcService<HouseholdGrpcService>();
        app.MapGrpcService<LegalPersonGrpcService>();
        app.MapGrpcService<PolicyGrpcService>();
        app.MapGrpcService<QuotaGrpcService>();
        app.MapGrpcService<FundGrpcService>();
        app.MapGrpcService<LoanGrpcService>();
        app.MapGrpcService<ServicingGrpcService>();
        app.MapGrpcService<SubsidyGrpcService>();
        app.MapGrpcService<CompensationGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
