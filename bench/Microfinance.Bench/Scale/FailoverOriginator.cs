using System.Diagnostics;
using Grpc.Core;
using Microfinance.Bench.Cluster;
using Microfinance.Api.V1;
using Microfinance.Bench.Origination;
using DomainLoanParty = Microfinance.Domain.Loans.LoanParty;

namespace Microfinance.Bench.Scale;

/// <summary>
/// Originates through the gRPC API as a provincial platform behind a load balancer would: each call
/// goes to the worker's silo, and a call the platform answers UNAVAILABLE (or that no silo answers
/// in time) is sent again, the same request with the same request id, to the next silo. The platform
/// applies a retried request once, which the invariant check afterwards proves.
/// </summary>
public sealed class FailoverOriginator(SiloCluster cluster, int worker, ScaleTimeline timeline) : IOriginator
{
    private const int Attempts = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    public Task ApplyAsync(LoanOrder order) =>
        CallAsync(LoanRequests.Application(order), (loans, request, options) => loans.ApplyForLoanAsync(request, options).ResponseAsync);

    public Task ReviewAsync(LoanOrder order, DomainLoanParty party) =>
        CallAsync(LoanRequests.Review(order, party), (loans, request, options) => loans.ReviewLoanAsync(request, options).ResponseAsync);

    public Task ApproveAsync(LoanOrder order) =>
        CallAsync(LoanRequests.Approval(order), (loans, request, options) => loans.ApproveLoanAsync(request, options).ResponseAsync);

    public async Task RecordDisbursementAsync(LoanOrder order, DateOnly disbursedOn)
    {
        await CallAsync(
            LoanRequests.Disbursement(order, disbursedOn), (loans, request, options) => loans.RecordDisbursementAsync(request, options).ResponseAsync);
        timeline.Acknowledged(Stopwatch.GetTimestamp());
    }

    private async Task CallAsync<TRequest>(TRequest request, Func<LoanService.LoanServiceClient, TRequest, CallOptions, Task> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (_, loans) = cluster.Route(worker, attempt);
            try
            {
                await call(loans, request, new CallOptions(deadline: DateTime.UtcNow + Deadline));
                return;
            }
            catch (RpcException exception) when (Retryable(exception.StatusCode) && attempt + 1 < Attempts)
            {
                timeline.Retried(exception.StatusCode);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * (attempt + 1), 1_000)));
            }
        }
    }

    /// <summary>
    /// What a client retries: the platform's own "retry with the same request_id" (a silo or the
    /// database out of reach), a connection to a silo that is gone, and a call no silo answered in time.
    /// </summary>
    private static bool Retryable(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded;
}
