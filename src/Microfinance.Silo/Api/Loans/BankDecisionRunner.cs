using Google.Rpc;
using Grpc.Core;
using Microfinance.Abstractions.Loans;
using Microfinance.Api.V1;
using Microfinance.Domain.Errors;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Errors;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using DomainParty = Microfinance.Domain.Loans.LoanParty;
using DecisionCase = Microfinance.Api.V1.StreamBankDecisionsRequest.DecisionOneofCase;

namespace Microfinance.Silo.Api.Loans;

/// <summary>
/// Takes one decision of a bank's stream through the checks and grain call of its unary RPC
/// (<see cref="LoanDecisionRequests"/>) and returns its result: the loan, or the error the unary
/// call would have failed with. It never throws, so one bad decision cannot end the stream.
/// </summary>
public sealed class BankDecisionRunner(
    LoanDecisionRequests decisions, BusinessClock clock, ILogger<BankDecisionRunner> logger)
{
    private static readonly DomainParty[] Bank = [DomainParty.Bank];

    /// <summary>The request id and loan id of a decision, as sent; empty when it holds no decision.</summary>
    public static (string RequestId, string LoanId) Identify(StreamBankDecisionsRequest decision) => decision.DecisionCase switch
    {
        DecisionCase.Approve => (decision.Approve.RequestId, decision.Approve.LoanId),
        DecisionCase.Reject => (decision.Reject.RequestId, decision.Reject.LoanId),
        DecisionCase.Disburse => (decision.Disburse.RequestId, decision.Disburse.LoanId),
        _ => ("", ""),
    };

    public async Task<StreamBankDecisionsResponse> RunAsync(StreamBankDecisionsRequest decision)
    {
        var (requestId, loanId) = Identify(decision);
        var result = new StreamBankDecisionsResponse { Sequence = decision.Sequence, RequestId = requestId, LoanId = loanId };
        try
        {
            result.Loan = LoanMapper.ToProto(await ApplyAsync(decision), clock.Today);
        }
        catch (RpcException invalid) when (invalid.GetRpcStatus() is { } status)
        {
            result.Error = BankDecisionErrorMapper.ToProto(status);
        }
        catch (DomainException refusal)
        {
            result.Error = BankDecisionErrorMapper.ToProto(ErrorStatus.Of(refusal));
        }
        catch (Exception failure)
        {
            // As the interceptor does for a unary call: logged here, nothing of it in the result. The
            // decision is applied fully or not at all, so the bank can send it again.
            logger.LogError(failure, "Unexpected failure of a {Decision} decision in a bank's stream", decision.DecisionCase);
            result.Error = BankDecisionErrorMapper.ToProto(ErrorStatus.Internal());
        }

        return result;
    }

    private Task<LoanRecord> ApplyAsync(StreamBankDecisionsRequest decision) => decision.DecisionCase switch
    {
        DecisionCase.Approve => decisions.ApproveAsync(decision.Approve, new RequestValidator("approve")),
        DecisionCase.Reject => decisions.RejectAsync(
            decision.Reject, new RequestValidator("reject"), Bank, "must be LOAN_PARTY_BANK: a bank's stream rejects as the bank"),
        DecisionCase.Disburse => decisions.RecordDisbursementAsync(decision.Disburse, new RequestValidator("disburse")),
        _ => Task.FromException<LoanRecord>(NoDecision()),
    };

    private static RpcException NoDecision()
    {
        var check = new RequestValidator();
        check.Add("approve", "is required, or reject or disburse");
        return check.ToStatus().ToRpcException();
    }
}
