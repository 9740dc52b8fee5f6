using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microfinance.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Microfinance.Api.Tests.Support;

/// <summary>
/// The real host — embedded profile, demo province loaded — listening on free local ports, and a
/// plain-text gRPC channel to it, as a provincial platform would connect.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var grpcPort = FreePort();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microfinance:GrpcPort"] = grpcPort.ToString(),
            ["Microfinance:SiloPort"] = FreePort().ToString(),
            ["Microfinance:GatewayPort"] = FreePort().ToString(),
            ["Microfinance:ClusterId"] = "api-tests",
            ["Microfinance:Postgres"] = "",
            ["MICROFINANCE_POSTGRES"] = "",
        });
        Configure(builder);
        builder.AddMicrofinanceSilo();
        _app = builder.Build();
        _app.MapMicrofinanceApi();
        await _app.StartAsync();
        Channel = GrpcChannel.ForAddress($"http://localhost:{grpcPort}");
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Lets a fixture change the host before the silo is added, e.g. to give it a clock the tests move.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
