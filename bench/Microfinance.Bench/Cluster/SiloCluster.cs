using System.Diagnostics;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Microfinance.Abstractions.Serialization;
using Microfinance.Api.V1;
using Microfinance.Bench.Setup;
using Microfinance.Silo.Hosting;
using Microfinance.Silo.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Microfinance.Bench.Cluster;

/// <summary>
/// Silo processes of one cluster on PostgreSQL; the gRPC endpoints a load balancer would send the
/// load to (a silo joins them once ready and leaves them when it is drained or dies, as a Kubernetes
/// Service's endpoints do); and an Orleans client for the untimed setup and the invariant check.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private const string Issuer = "mf-bench";

    private readonly string _silo;
    private readonly string _logs;
    private readonly Dictionary<string, string> _environment;
    private readonly List<SiloProcess> _silos = [];
    private readonly Dictionary<SiloProcess, GrpcChannel> _channels = [];
    private volatile SiloProcess[] _routed = [];
    private IHost? _client;

    private SiloCluster(string silo, string logs, string connectionString)
    {
        _silo = silo;
        _logs = logs;
        ClusterId = $"mf-bench-{Guid.NewGuid():N}";
        ConnectionString = connectionString;
        var secret = RandomNumberGenerator.GetBytes(32);
        Token = new TokenIssuer(Issuer, Issuer, new SymmetricSecurityKey(secret), TimeProvider.System)
            .Issue("mf-bench", Role.ProvinceAdministrator, [ProvinceLayout.ProvinceCode], lifetime: TimeSpan.FromDays(1));
        _environment = new()
        {
            ["MICROFINANCE_POSTGRES"] = connectionString,
            ["Microfinance__ClusterId"] = ClusterId,
            ["Microfinance__AdvertisedAddress"] = "127.0.0.1",
            ["Microfinance__SeedDemo"] = "false",
            // Loopback only: no TLS, as behind a service mesh; tokens are checked as in production.
            ["Microfinance__AllowPlainText"] = "true",
            ["Microfinance__Auth__Issuer"] = Issuer,
            ["Microfinance__Auth__Audience"] = Issuer,
            ["Microfinance__Auth__SharedSecrets__0"] = Convert.ToBase64String(secret),
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public string ClusterId { get; }

    /// <summary>A token of the province's administrator, which the silos accept.</summary>
    public string Token { get; }

    public string ConnectionString { get; }

    /// <summary>The client's grain factory, beside the silos: setup and the check, never the timed load.</summary>
    public IGrainFactory Grains => _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>Every silo started, running or not.</summary>
    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>The silos the load is sent to.</summary>
    public IReadOnlyList<SiloProcess> Routed => _routed;

    /// <param name="silo">Directory of the published host (<c>dotnet publish src/Microfinance.Silo</c>).</param>
    /// <param name="logs">Where each silo's console log goes.</param>
    public static async Task<SiloCluster> StartAsync(string silo, string logs, string connectionString, int silos, CancellationToken ct)
    {
        Directory.CreateDirectory(logs);
        var cluster = new SiloCluster(silo, logs, connectionString);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                await cluster.AddSiloAsync(ct);
            }

            await cluster.ConnectClientAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and sends it load once it answers its readiness probe.</summary>
    public async Task<SiloProcess> AddSiloAsync(CancellationToken ct)
    {
        var silo = SiloProcess.Start(_silos.Count + 1, _silo, _environment, _logs);
        _silos.Add(silo);
        await silo.WaitReadyAsync(ct);
        _channels[silo] = Channel(silo);
        _routed = [.. _routed, silo];
        return silo;
    }

    /// <summary>Stops sending load to <paramref name="silo"/>, as an endpoints controller does with a terminating pod.</summary>
    public void Unroute(SiloProcess silo) => _routed = [.. _routed.Where(routed => routed != silo)];

    /// <summary>
    /// The loan service of the silo that worker <paramref name="worker"/>'s <paramref name="attempt"/>-th
    /// try of a call goes to: its own silo first, the next one on each retry.
    /// </summary>
    public (SiloProcess Silo, LoanService.LoanServiceClient Loans) Route(int worker, int attempt)
    {
        var routed = _routed;
        var silo = routed[(worker + attempt) % routed.Length];
        return (silo, new LoanService.LoanServiceClient(_channels[silo]));
    }

    /// <summary>
    /// Drains <paramref name="silo"/> through the operators' console (<c>microfinance cluster drain</c>),
    /// as an operator would; returns the console's exit code and what it printed.
    /// </summary>
    /// <param name="cli">Directory of the published CLI.</param>
    public async Task<(int Exit, string Output)> DrainAsync(SiloProcess silo, string cli, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(cli, "microfinance.dll"), "cluster", "drain", silo.Endpoint, "--wait-seconds", "120",
             "--connection", ConnectionString, "--cluster-id", ClusterId])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var console = Process.Start(start)!;
        var output = console.StandardOutput.ReadToEndAsync(ct);
        var error = console.StandardError.ReadToEndAsync(ct);
        await console.WaitForExitAsync(ct);
        return (console.ExitCode, (await output + await error).Trim());
    }

    /// <summary>Waits until the membership table declares <paramref name="silo"/> dead (the other silos voted it out).</summary>
    public async Task WaitDeclaredDeadAsync(SiloProcess silo, TimeSpan timeout, CancellationToken ct)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var waited = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(waited) < timeout)
        {
            try
            {
                var hosts = await management.GetHosts(onlyActive: false);
                var own = hosts.Where(host => host.Key.Endpoint.Port == silo.SiloPort).ToList();
                if (own.Count > 0 && own.MaxBy(host => host.Key.Generation).Value == SiloStatus.Dead)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The management grain itself may have lived on the dead silo: asked again.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{silo.Name} was not declared dead within {timeout.TotalSeconds:F0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _client.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: a client that cannot say goodbye is dropped.
            }

            _client.Dispose();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    private async Task ConnectClientAsync(CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        // A killed silo makes the client warn of reset connections and broken promises, which the phases already show.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (SiloIdentity.ServiceId, ClusterId));
            client.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (SiloIdentity.PostgresInvariant, ConnectionString));
            client.Services.AddMicrofinanceSerialization();
        });
        _client = builder.Build();
        await _client.StartAsync(ct);
    }

    private GrpcChannel Channel(SiloProcess silo)
    {
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {Token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress($"http://127.0.0.1:{silo.GrpcPort}", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, bearer),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}
