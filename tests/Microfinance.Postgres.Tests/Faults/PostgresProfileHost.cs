using Grpc.Net.Client;
using Microfinance.Grains.Common;
using Microfinance.Silo.Hosting;
using Microfinance.Silo.Security;
using Microfinance.Testing.Hosting;
using Microfinance.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microfinance.Postgres.Tests.Faults;

/// <summary>
/// The real host in its PostgreSQL profile, as an operator runs it: grain state, clustering,
/// reminders and the audit trail in the given database, bearer tokens checked with a shared
/// secret, plain-text gRPC on loopback (explicitly allowed).
/// </summary>
public sealed class PostgresProfileHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _address;
    private readonly List<GrpcChannel> _channels = [];

    private PostgresProfileHost(WebApplication app, string address)
    {
        _app = app;
        _address = address;
    }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public TokenIssuer Tokens => _app.Services.GetRequiredService<TokenIssuer>();

    public BusinessClock Clock => _app.Services.GetRequiredService<BusinessClock>();

    public static async Task<PostgresProfileHost> StartAsync(string connectionString)
    {
        var grpcPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microfinance:Postgres"] = connectionString,
            ["Microfinance:ClusterId"] = $"mf-outage-{Guid.NewGuid():N}",
            ["Microfinance:GrpcPort"] = grpcPort.ToString(),
            ["Microfinance:WebPort"] = FreePort.Next().ToString(),
            ["Microfinance:SiloPort"] = FreePort.Next().ToString(),
            ["Microfinance:GatewayPort"] = FreePort.Next().ToString(),
            ["Microfinance:AllowPlainText"] = "true",
            ["Microfinance:SeedDemo"] = "false",
            ["Microfinance:Auth:Issuer"] = "https://idp.example.gov.cn",
            ["Microfinance:Auth:Audience"] = "orleans-microfinance",
            ["Microfinance:Auth:SharedSecrets:0"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
        });
        ResidentIdLogScan.AddTo(builder.Logging);
        builder.AddMicrofinanceSilo();
        var app = builder.Build();
        app.MapMicrofinanceApi();
        await app.StartAsync();
        return new PostgresProfileHost(app, $"http://127.0.0.1:{grpcPort}");
    }

    /// <summary>A channel whose calls carry <paramref name="token"/>.</summary>
    public GrpcChannel ChannelWith(string token)
    {
        var channel = BearerChannel.For(_address, token);
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        ResidentIdLogScan.Instance.ThrowIfFound();
    }
}
