namespace Microfinance.Silo.Hosting;

/// <summary>What the host chose at start-up, for the banner.</summary>
/// <param name="Profile">Where state lives.</param>
/// <param name="GrpcPort">The gRPC port.</param>
/// <param name="WebPort">The web port of the dashboards.</param>
/// <param name="Tls">Whether gRPC is served over TLS (plain text otherwise).</param>
/// <param name="DevelopmentKey">Whether tokens are checked against a key made at start-up (the embedded profile's default).</param>
/// <param name="DemoSeeded">Whether the demo province was loaded.</param>
/// <param name="Practice">Whether this is a training or integration environment, whose business dates an operator may move.</param>
public sealed record PlatformStartup(PlatformProfile Profile, int GrpcPort, int WebPort, bool Tls, bool DevelopmentKey, bool DemoSeeded, bool Practice);
