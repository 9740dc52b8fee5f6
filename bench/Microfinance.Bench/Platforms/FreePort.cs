using System.Net;
using System.Net.Sockets;

namespace Microfinance.Bench.Platforms;

/// <summary>Free TCP ports on loopback for the silos, gateways and gRPC endpoints.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
