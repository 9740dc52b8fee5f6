namespace Microfinance.Silo.Hosting;

/// <summary>The host's settings, bound from the <c>Microfinance</c> configuration section.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Microfinance";

    /// <summary>
    /// PostgreSQL connection string. Empty selects the embedded profile. Also read from
    /// <c>ConnectionStrings:Postgres</c> and the <c>MICROFINANCE_POSTGRES</c> environment variable.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// Grain-state provider of the PostgreSQL profile: <c>Batched</c> (default) or <c>AdoNet</c>.
    /// Stay with the one the database was migrated for: each keeps its own table.
    /// </summary>
    public GrainStorageProvider GrainStorage { get; set; } = GrainStorageProvider.Batched;

    /// <summary>Cluster id: silos of one deployment share it (e.g. one per environment).</summary>
    public string ClusterId { get; set; } = "microfinance-dev";

    /// <summary>Port of the gRPC endpoint (HTTP/2; TLS when a certificate is configured).</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>
    /// Port of the web endpoint (HTTP/1.1; TLS when a certificate is configured): the county and
    /// province dashboards and, for operators, the Orleans dashboard.
    /// </summary>
    public int WebPort { get; set; } = 5081;

    /// <summary>PEM certificate (with its chain) the gRPC and web endpoints present over TLS; needs <see cref="TlsKeyPath"/>.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsKeyPath { get; set; }

    /// <summary>
    /// Lets the PostgreSQL profile serve gRPC in plain text, e.g. behind a service mesh that
    /// encrypts the traffic. Off by default: without a certificate that profile does not start.
    /// </summary>
    public bool AllowPlainText { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (a pod's IP in Kubernetes).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Whether this deployment is a training or integration environment (培训/联调环境), whose
    /// business dates an operator may move with the practice clock (default: only in the embedded
    /// profile). Never set it in production.
    /// </summary>
    public bool? Practice { get; set; }

    /// <summary>
    /// Whether the silo runs in Kubernetes (the Helm chart sets it): Orleans' Kubernetes hosting then
    /// takes the pod's name, namespace and IP and the cluster and service ids from the environment
    /// (<c>POD_NAME</c>, <c>POD_NAMESPACE</c>, <c>POD_IP</c>, <c>ORLEANS_CLUSTER_ID</c>,
    /// <c>ORLEANS_SERVICE_ID</c>), and a silo whose pod is gone leaves the cluster at once rather than
    /// when its probes time out. PostgreSQL profile only.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// How long a stopping silo may take to hand its grains over and leave the cluster (the host's
    /// shutdown timeout). An orchestrator must wait longer than this before it kills the process.
    /// </summary>
    public int ShutdownSeconds { get; set; } = 60;

    /// <summary>
    /// How often the operators' gauges (quota use, fund leverage, overdue loans, claims) are read from
    /// the counties, in seconds.
    /// </summary>
    public int GaugeReadSeconds { get; set; } = 60;

    /// <summary>Whether the console log is written as JSON, one object per entry, for a log collector.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>Whether to load the demo province at start-up (default: only in the embedded profile).</summary>
    public bool? SeedDemo { get; set; }
}
