using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microfinance.Silo.Health;

/// <summary>
/// Healthy while this silo is an active member of its cluster; the gRPC health service then
/// answers SERVING. Before the silo joins and once it starts shutting down it is unhealthy, so a
/// load balancer stops sending it calls.
/// </summary>
public sealed class SiloActiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails localSilo)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("Silo is active.")
            : HealthCheckResult.Unhealthy($"Silo is {status}."));
    }
}
