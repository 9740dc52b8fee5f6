using Grpc.Net.Client;
using Microfinance.Silo.Hosting;
using Microfinance.Silo.Security;
using Microfinance.Testing.Hosting;
using Microfinance.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microfinance.Api.Tests.Support;

/// <summary>
/// The real host — embedded profile, demo province loaded — listening on free local ports, and a
/// plain-text gRPC channel to it, as a provincial platform would connect: with the token of the
/// provincial administrator of both the demo province (53) and the tests' own (45).
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private readonly List<GrpcChannel> _channels = [];
    private WebApplication? _app;
    private string _address = "";

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The gRPC endpoint's address, <c>http://localhost:{port}</c> (plain-text HTTP/2).</summary>
    public string GrpcAddress => _address;

    /// <summary>The web port's address, where browsers open the dashboards: <c>http://localhost:{port}</c>.</summary>
    public string WebAddress => $"http://localhost:{WebPort}";

    private int WebPort { get; } = FreePort.Next();

    /// <summary>Issues tokens the host accepts (it signs with the development key it made).</summary>
    public TokenIssuer Tokens { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var grpcPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microfinance:GrpcPort"] = grpcPort.ToString(),
            ["Microfinance:WebPort"] = WebPort.ToString(),
            ["Microfinance:SiloPort"] = FreePort.Next().ToString(),
            ["Microfinance:GatewayPort"] = FreePort.Next().ToString(),
            ["Microfinance:ClusterId"] = "api-tests",
            ["Microfinance:Postgres"] = "",
            ["MICROFINANCE_POSTGRES"] = "",
        });
        ResidentIdLogScan.AddTo(builder.Logging);
        Configure(builder);
        builder.AddMicrofinanceSilo();
        _app = builder.Build();
        _app.MapMicrofinanceApi();
        await _app.StartAsync();
        _address = $"http://localhost:{grpcPort}";
        Tokens = _app.Services.GetRequiredService<TokenIssuer>();
        Channel = ChannelWith(Tokens.Issue(LendingSetup.Actor, Role.ProvinceAdministrator, [LendingSetup.Province, "53"]));
    }

    /// <summary>A channel whose calls carry <paramref name="token"/>; none when it is null.</summary>
    public GrpcChannel ChannelWith(string? token)
    {
        var channel = BearerChannel.For(_address, token);
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel;
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        ResidentIdLogScan.Instance.ThrowIfFound();
    }

    /// <summary>Lets a fixture change the host before the silo is added, e.g. to give it a clock the tests move.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }
}
