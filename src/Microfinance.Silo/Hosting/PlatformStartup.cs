namespace Microfinance.Silo.Hosting;

/// <summary>What the host chose at start-up, for the banner.</summary>
/// <param name="Profile">Where state lives.</param>
/// <param name="GrpcPort">The plain-text gRPC port.</param>
/// <param name="DemoSeeded">Whether the demo province was loaded.</param>
public sealed record PlatformStartup(PlatformProfile Profile, int GrpcPort, bool DemoSeeded);
