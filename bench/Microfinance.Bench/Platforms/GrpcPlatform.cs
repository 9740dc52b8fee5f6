using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Microfinance.Api.V1;
using Microfinance.Bench.Origination;
using Microfinance.Bench.Setup;
using Microfinance.Silo.Hosting;
using Microfinance.Silo.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microfinance.Bench.Platforms;

/// <summary>
/// The real host (<c>AddMicrofinanceSilo</c> + <c>MapMicrofinanceApi</c>, PostgreSQL profile, no
/// demo data) on free loopback ports, one per silo, called through the generated gRPC clients over
/// plain-text HTTP/2 as a provincial platform would.
/// </summary>
public sealed class GrpcPlatform : IPlatform
{
    private readonly IReadOnlyList<WebApplication> _hosts;
    private readonly IReadOnlyList<GrpcChannel> _channels;

    private GrpcPlatform(IReadOnlyList<WebApplication> hosts, IReadOnlyList<GrpcChannel> channels)
    {
        _hosts = hosts;
        _channels = channels;
        Grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
    }

    public string Description => $"through gRPC (Grpc.Net.Client → the real host), {_hosts.Count} silo(s)";

    public IGrainFactory Grains { get; }

    public static async Task<GrpcPlatform> StartAsync(
        string connectionString, int silos, GrainStorageProvider storage, CancellationToken ct)
    {
        var clusterId = $"mf-bench-{Guid.NewGuid():N}";
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var hosts = new List<WebApplication>();
        var channels = new List<GrpcChannel>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                var grpcPort = FreePort.Next();
                var builder = WebApplication.CreateBuilder();
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Microfinance:Postgres"] = connectionString,
                    ["Microfinance:SeedDemo"] = "false",
                    ["Microfinance:GrainStorage"] = storage.ToString(),
                    ["Microfinance:ClusterId"] = clusterId,
                    ["Microfinance:GrpcPort"] = grpcPort.ToString(),
                    ["Microfinance:WebPort"] = FreePort.Next().ToString(),
                    ["Microfinance:SiloPort"] = FreePort.Next().ToString(),
                    ["Microfinance:GatewayPort"] = FreePort.Next().ToString(),
                    ["Microfinance:AdvertisedAddress"] = "127.0.0.1",
                    // Loopback only: no TLS, as behind a service mesh; tokens checked as in production.
                    ["Microfinance:AllowPlainText"] = "true",
                    ["Microfinance:Auth:Issuer"] = "mf-bench",
                    ["Microfinance:Auth:Audience"] = "mf-bench",
                    ["Microfinance:Auth:SharedSecrets:0"] = secret,
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Logging:LogLevel:Orleans.Runtime.Watchdog"] = "Error",
                });
                builder.AddMicrofinanceSilo();
                var app = builder.Build();
                app.MapMicrofinanceApi();
                hosts.Add(app);
                await app.StartAsync(ct);
                channels.Add(ChannelAsProvince(app, grpcPort));
            }
        }
        catch
        {
            await StopAsync(hosts, channels);
            throw;
        }

        var platform = new GrpcPlatform(hosts, channels);
        await platform.EnsureLoanServiceAsync(ct);
        return platform;
    }

    public IOriginator OriginatorFor(int client) => new GrpcOriginator(LoansFor(client));

    /// <summary>The loan service client of worker (or bank stream) <paramref name="client"/>, spread over the silos.</summary>
    public LoanService.LoanServiceClient LoansFor(int client) =>
        new(_channels[client % _channels.Count]);

    /// <summary>The dashboard service client of watcher <paramref name="watcher"/>, spread over the silos.</summary>
    public DashboardService.DashboardServiceClient DashboardsFor(int watcher) =>
        new(_channels[watcher % _channels.Count]);

    public ValueTask DisposeAsync() => new(StopAsync(_hosts, _channels));

    /// <summary>
    /// A channel carrying the token of the province's administrator: the provincial platform, which
    /// acts for every party of an origination.
    /// </summary>
    private static GrpcChannel ChannelAsProvince(WebApplication host, int grpcPort)
    {
        var token = host.Services.GetRequiredService<TokenIssuer>()
            .Issue("mf-bench", Role.ProvinceAdministrator, [ProvinceLayout.ProvinceCode], lifetime: TimeSpan.FromDays(1));
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, bearer),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>Fails early, with a clear message, when this build of the host does not serve LoanService.</summary>
    private async Task EnsureLoanServiceAsync(CancellationToken ct)
    {
        try
        {
            await new LoanService.LoanServiceClient(_channels[0])
                .GetLoanAsync(new GetLoanRequest { LoanId = "bench-probe" }, cancellationToken: ct);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            // Served: the loan just does not exist.
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Unimplemented)
        {
            await DisposeAsync();
            throw new NotSupportedException(
                "This build of the host does not serve microfinance.v1.LoanService (MapMicrofinanceApi); the gRPC mode needs it.",
                exception);
        }
    }

    private static async Task StopAsync(IEnumerable<WebApplication> hosts, IEnumerable<GrpcChannel> channels)
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        foreach (var host in hosts.Reverse())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(timeout.Token);
            await host.DisposeAsync();
        }
    }
}
