using Microfinance.Api.V1;
using DomainLoanParty = Microfinance.Domain.Loans.LoanParty;

namespace Microfinance.Bench.Origination;

/// <summary>Originates through the public gRPC API, one call per step, as a provincial platform or a bank would.</summary>
public sealed class GrpcOriginator(LoanService.LoanServiceClient loans) : IOriginator
{
    public async Task ApplyAsync(LoanOrder order) => await loans.ApplyForLoanAsync(LoanRequests.Application(order));

    public async Task ReviewAsync(LoanOrder order, DomainLoanParty party) => await loans.ReviewLoanAsync(LoanRequests.Review(order, party));

    public async Task ApproveAsync(LoanOrder order) => await loans.ApproveLoanAsync(LoanRequests.Approval(order));

    public async Task RecordDisbursementAsync(LoanOrder order, DateOnly disbursedOn) =>
        await loans.RecordDisbursementAsync(LoanRequests.Disbursement(order, disbursedOn));
}
