namespace Microfinance.Bench;

/// <summary>How the workers call the platform.</summary>
public enum Transport
{
    /// <summary>Grain calls made beside a silo, as the gRPC services make them: no gRPC in the way.</summary>
    Grains,

    /// <summary>The real host's public gRPC API, over plain-text HTTP/2 on loopback.</summary>
    Grpc,
}
