using Microfinance.Bench.Origination;
using Microfinance.Domain.Loans;

namespace Microfinance.Bench.Dashboards;

/// <summary>An originator that tells <see cref="DashboardLatency"/> when each disbursement was acknowledged.</summary>
public sealed class AcknowledgingOriginator(IOriginator inner, DashboardLatency latency) : IOriginator
{
    public Task ApplyAsync(LoanOrder order) => inner.ApplyAsync(order);

    public Task ReviewAsync(LoanOrder order, LoanParty party) => inner.ReviewAsync(order, party);

    public Task ApproveAsync(LoanOrder order) => inner.ApproveAsync(order);

    public async Task RecordDisbursementAsync(LoanOrder order, DateOnly disbursedOn)
    {
        await inner.RecordDisbursementAsync(order, disbursedOn);
        latency.Acknowledged(order.Village);
    }
}
