using System.Net;
using System.Net.Sockets;

namespace Microfinance.Testing.Hosting;

/// <summary>Free loopback ports for the hosts and servers tests start.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
