using Grpc.Core;
using Grpc.Net.Client;

namespace Microfinance.Testing.Hosting;

/// <summary>Plain-text gRPC channels to a test host, as a caller with a bearer token connects.</summary>
public static class BearerChannel
{
    /// <summary>A channel to <paramref name="address"/> whose calls carry <paramref name="token"/>; none when it is null.</summary>
    public static GrpcChannel For(string address, string? token)
    {
        var options = new GrpcChannelOptions();
        if (token is not null)
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, bearer);
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(address, options);
    }
}
