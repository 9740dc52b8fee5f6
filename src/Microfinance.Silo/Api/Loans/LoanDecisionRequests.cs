using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Loans;
using Microfinance.Api.V1;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Servicing;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using DomainParty = Microfinance.Domain.Loans.LoanParty;

namespace Microfinance.Silo.Api.Loans;

/// <summary>
/// Approving, rejecting and disbursing a loan as both the unary calls (ApproveLoan, RejectLoan,
/// RecordDisbursement) and a bank's stream make them: read the request, refusing it with
/// INVALID_ARGUMENT naming every bad field before anything changes, then make its one grain call
/// on behalf of the actor (the caller's token subject).
/// Defined once, so a decision in the stream is checked exactly as its unary call is.
/// </summary>
public sealed class LoanDecisionRequests(IGrainFactory grains)
{
    /// <summary>Highest contract rate accepted, in basis points (100%).</summary>
    public const int MaxContractRateBasisPoints = 10_000;

    private const int MaxReasonLength = 500;

    public Task<LoanRecord> ApproveAsync(ApproveLoanRequest request, string actor, RequestValidator check)
    {
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var rate = check.Range("contract_rate_bp", request.ContractRateBp, 0, MaxContractRateBasisPoints);
        var terms = new RepaymentTerms(
            check.Enum("interest_frequency", ProtoEnums.ToDomain(request.InterestFrequency)),
            check.Enum("principal_repayment", ProtoEnums.ToDomain(request.PrincipalRepayment)));
        check.ThrowIfInvalid();

        return grains.Get<ILoanGrain>(loanId).ApproveAsync(rate == 0 ? null : new InterestRate(rate), actor, requestId, terms);
    }

    /// <summary>Rejects as one of <paramref name="parties"/>; <paramref name="partiesRule"/> tells a caller who named another which.</summary>
    public Task<LoanRecord> RejectAsync(
        RejectLoanRequest request, string actor, RequestValidator check, IReadOnlyCollection<DomainParty> parties, string partiesRule)
    {
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var party = check.OneOf("party", ProtoEnums.ToDomain(request.Party), parties, partiesRule);
        var reason = check.Text("reason", request.Reason, MaxReasonLength);
        check.ThrowIfInvalid();

        return grains.Get<ILoanGrain>(loanId).RejectAsync(party, actor, reason, requestId);
    }

    public Task<LoanRecord> RecordDisbursementAsync(RecordDisbursementRequest request, string actor, RequestValidator check)
    {
        var requestId = check.RequestId("request_id", request.RequestId);
        var loanId = check.LoanId("loan_id", request.LoanId);
        var disbursedOn = check.Date("disbursed_date", request.DisbursedDate);
        check.ThrowIfInvalid();

        return grains.Get<ILoanGrain>(loanId).RecordDisbursementAsync(disbursedOn, actor, requestId);
    }
}
