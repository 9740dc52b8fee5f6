namespace Microfinance.Silo.Hosting;

/// <summary>What the host chose at start-up, for the banner and the demo seeder.</summary>
public sealed record PlatformStartup(PlatformProfile Profile, int GrpcPort);
