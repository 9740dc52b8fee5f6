using Google.Rpc;
using Grpc.Core;
using Microfinance.Abstractions.Loans;
using Microfinance.Api.V1;
using Microfinance.Domain.Errors;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Errors;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Audit;
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
    LoanDecisionRequests decisions, AccessPolicy access, AuditRecorder audit, BusinessClock clock, ILogger<BankDecisionRunner> logger)
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
        var touched = new List<AccessTarget>();
        try
        {
            var loan = await ApplyAsync(decision, caller, touched);
            result.Loan = LoanMapper.ToProto(loan, clock.TodayIn(loan.County));
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

        await RecordAsync(decision, caller, touched, result);
        return result;
    }

    /// <summary>
    /// Keeps the decision's audit record under the unary RPC it stands for. An applied decision
    /// whose record cannot be kept is answered UNAVAILABLE, so the bank sends it again (its
    /// request_id makes the retry a replay) and it is recorded then.
    /// </summary>
    private async Task RecordAsync(StreamBankDecisionsRequest decision, Caller caller, List<AccessTarget> touched, StreamBankDecisionsResponse result)
    {
        if (MethodOf(decision) is not { } method)
        {
            return;
        }

        var outcome = result.Error is { } error ? (StatusCode)error.Code : StatusCode.OK;
        try
        {
            await audit.RecordAsync(
                caller, method, result.RequestId, AuditSubject.Loan(result.LoanId), touched, outcome, result.Error?.Reason is { Length: > 0 } reason ? reason : null);
        }
        catch (Exception failure)
        {
            logger.LogWarning("The audit trail could not keep a record of a {Decision} decision: {Failure}", decision.DecisionCase, failure.GetType().Name);
            if (outcome == StatusCode.OK)
            {
                result.Error = BankDecisionErrorMapper.ToProto(
                    ErrorStatus.Unavailable("The decision's audit record could not be kept; send it again with the same request_id."));
            }
        }
    }

    private static string? MethodOf(StreamBankDecisionsRequest decision) => decision.DecisionCase switch
    {
        DecisionCase.Approve => Unary("ApproveLoan"),
        DecisionCase.Reject => Unary("RejectLoan"),
        DecisionCase.Disburse => Unary("RecordDisbursement"),
        _ => null,
    };

    private static string Unary(string method) => $"/{LoanService.Descriptor.FullName}/{method}";

    private async Task<LoanRecord> ApplyAsync(StreamBankDecisionsRequest decision, Caller caller, List<AccessTarget> touched)
    {
        var request = decision.DecisionCase switch
        {
            DecisionCase.Approve => (object)decision.Approve,
            DecisionCase.Reject => decision.Reject,
            DecisionCase.Disburse => decision.Disburse,
            _ => throw NoDecision(),
        };
        touched.AddRange(await access.AuthorizeAsync(caller, MethodOf(decision)!, request));
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
