using System.Collections.Concurrent;
using System.Threading.Channels;
using Microfinance.Api.V1;
using Microfinance.Silo.Api.Loans;

namespace Microfinance.Api.Tests.Support;

/// <summary>
/// Stands in for the loan grains behind a bank's stream: each decision, once started, waits until the
/// test opens the gate of its request id, then succeeds. Records the order decisions start and finish in.
/// </summary>
public sealed class GatedDecisions
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly Channel<string> _startSignals = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _started = new();
    private readonly ConcurrentQueue<string> _finished = new();

    /// <summary>Request ids of the decisions started, in order.</summary>
    public IReadOnlyList<string> Started => [.. _started];

    /// <summary>Request ids of the decisions finished, in order.</summary>
    public IReadOnlyList<string> Finished => [.. _finished];

    public static StreamBankDecisionsRequest Approval(string requestId, string loanId) => new()
    {
        Approve = new ApproveLoanRequest { RequestId = requestId, LoanId = loanId },
    };

    public async Task<StreamBankDecisionsResponse> DecideAsync(StreamBankDecisionsRequest decision)
    {
        var (requestId, loanId) = BankDecisionRunner.Identify(decision);
        _started.Enqueue(requestId);
        _startSignals.Writer.TryWrite(requestId);
        await Gate(requestId).Task;
        _finished.Enqueue(requestId);
        return new StreamBankDecisionsResponse
        {
            Sequence = decision.Sequence,
            RequestId = requestId,
            LoanId = loanId,
            Loan = new Loan { LoanId = loanId },
        };
    }

    /// <summary>Lets these decisions finish, now or whenever they start.</summary>
    public void Open(params string[] requestIds)
    {
        foreach (var requestId in requestIds)
        {
            Gate(requestId).TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="count"/> more decisions have started, and returns their request ids.</summary>
    public async Task<IReadOnlyList<string>> NextStartedAsync(int count)
    {
        var started = new List<string>();
        while (started.Count < count)
        {
            started.Add(await _startSignals.Reader.ReadAsync());
        }

        return started;
    }

    private TaskCompletionSource Gate(string requestId) =>
        _gates.GetOrAdd(requestId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
