using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;

namespace Microfinance.Cli.Commands;

/// <summary>
/// The platform's gRPC address and the caller's bearer token: the options of every command that
/// talks to the API (<c>--server</c>, <c>--token</c>), by default from the environment.
/// </summary>
internal sealed class ServerConnection
{
    public const string ServerVariable = "MICROFINANCE_SERVER";
    public const string TokenVariable = "MICROFINANCE_TOKEN";

    public Option<string> Server { get; } = new("--server")
    {
        Description = $"The platform's gRPC address: http:// for plain text, https:// for TLS (default: {ServerVariable}, or http://localhost:5080)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerVariable) ?? "http://localhost:5080",
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = $"The caller's bearer token (default: the {TokenVariable} environment variable)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable) ?? "",
    };

    public ServerConnection() =>
        Token.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"No token: pass --token or set {TokenVariable}.");
            }
        });

    /// <summary>A channel to the server whose calls carry the token.</summary>
    public GrpcChannel Open(ParseResult parse)
    {
        var token = parse.GetRequiredValue(Token);
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        var server = new Uri(parse.GetRequiredValue(Server));
        return GrpcChannel.ForAddress(server, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(server.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer),
            UnsafeUseInsecureChannelCallCredentials = server.Scheme != Uri.UriSchemeHttps,
        });
    }
}
