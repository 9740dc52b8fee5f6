namespace Microfinance.Bench;

/// <summary>How the workers call the platform.</summary>
public enum Transport
{
    /// <summary>Grain calls made beside a silo, as the gRPC services make them: no gRPC in the way.</summary>
    Grains,

    /// <summary>The real host's public gRPC API, one call per step, over plain-text HTTP/2 on loopback.</summary>
    Grpc,

    /// <summary>
    /// The real host's StreamBankDecisions, as a bank's core system sends its day: a few streams, each
    /// with many approvals and disbursements in flight; only approve+disburse, of prepared loans.
    /// </summary>
    Stream,
}
