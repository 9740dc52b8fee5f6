using Google.Rpc;
using Grpc.Core;
using Microfinance.Abstractions.Loans;
using Microfinance.Api.V1;
using Microfinance.Domain.Errors;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Errors;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;
using DomainParty = Microfinance.Domain.Loans.LoanParty;
using DecisionCase = Microfinance.Api.V1.StreamBankDecisionsRequest.DecisionOneofCase;

namespace Microfinance.Silo.Api.Loans;

/// <summary>
/// Takes one decision of a bank's stream through the checks and grain call of its unary RPC
/// (<see cref="LoanDecisionRequests"/>) and returns its result: the loan, or the error the unary
/// call would have failed with. It never throws, so one bad decision cannot end the stream.
/// </summary>
public sealed class BankDecisionRunner(
    LoanDecisionRequests decisions, AccessPolicy access, BusinessClock clock, ILogger<BankDecisionRunner> logger)
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

    /// <summary>Applies <paramref name="decision"/> for <paramref name="caller"/>, held to its unary RPC's access rule.</summary>
    public async Task<StreamBankDecisionsResponse> RunAsync(StreamBankDecisionsRequest decision, Caller caller)
    {
        var (requestId, loanId) = Identify(decision);
        var result = new StreamBankDecisionsResponse { Sequence = decision.Sequence, RequestId = requestId, LoanId = loanId };
        try
        {
            result.Loan = LoanMapper.ToProto(await ApplyAsync(decision, caller), clock.Today);
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

    private async Task<LoanRecord> ApplyAsync(StreamBankDecisionsRequest decision, Caller caller)
    {
        var (method, request) = decision.DecisionCase switch
        {
            DecisionCase.Approve => ("ApproveLoan", (object)decision.Approve),
            DecisionCase.Reject => ("RejectLoan", decision.Reject),
            DecisionCase.Disburse => ("RecordDisbursement", decision.Disburse),
            _ => throw NoDecision(),
        };
        await access.AuthorizeAsync(caller, $"/{LoanService.Descriptor.FullName}/{method}", request);
        return decision.DecisionCase switch
        {
            DecisionCase.Approve => await decisions.ApproveAsync(decision.Approve, caller.Subject, new RequestValidator("approve")),
            DecisionCase.Reject => await decisions.RejectAsync(
                decision.Reject, caller.Subject, new RequestValidator("reject"), Bank, "must be LOAN_PARTY_BANK: a bank's stream rejects as the bank"),
            _ => await decisions.RecordDisbursementAsync(decision.Disburse, caller.Subject, new RequestValidator("disburse")),
        };
    }

    private static RpcException NoDecision()
    {
        var check = new RequestValidator();
        check.Add("approve", "is required, or reject or disburse");
        return check.ToStatus().ToRpcException();
    }
}
