using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Microfinance.Api.V1;
using Microfinance.Bench.Measurement;
using ResultCase = Microfinance.Api.V1.StreamBankDecisionsResponse.ResultOneofCase;

namespace Microfinance.Bench.Origination;

/// <summary>
/// One bank's StreamBankDecisions call kept busy as a bank's core system would: each prepared loan's
/// approval and, right behind it, its disbursement — the server applies one loan's decisions in the
/// order sent — with up to <paramref name="inFlight"/> decisions sent and not yet answered. A loan
/// counts when its disbursement's result comes back with the loan. One instance makes one call.
/// </summary>
/// <remarks>
/// The n-th loan of the call is sent as sequences 2n (approval) and 2n + 1 (disbursement), so that a
/// result finds its loan by the sequence it echoes.
/// </remarks>
public sealed class BankStream(LoanService.LoanServiceClient loans, int inFlight)
{
    private readonly WorkerTally _tally = new();
    private readonly ConcurrentDictionary<long, StreamedLoan> _unanswered = new();
    private readonly SemaphoreSlim _slots = new(inFlight);

    // Cancelled by whichever side fails first, so that the other stops waiting; its failure is the one reported.
    private readonly CancellationTokenSource _broken = new();
    private Exception? _failure;

    /// <summary>
    /// Sends the prepared loans' decisions until the window closes or the loans run out, then closes
    /// its side and takes the remaining results. Latencies: approve+disburse from sending the approval
    /// to the disbursement's result; approve to the approval's result; disburse from the approval's
    /// result to the disbursement's, the part the disbursement itself took.
    /// </summary>
    public async Task<WorkerTally> RunAsync(Queue<LoanOrder> prepared, DateOnly disbursedOn, long start, TimeSpan window)
    {
        bool ranDry;
        using (var call = loans.StreamBankDecisions(cancellationToken: _broken.Token))
        {
            var receiving = ReceiveAsync(call.ResponseStream, start, window);
            ranDry = await SendAsync(call.RequestStream, prepared, disbursedOn, start, window);
            await receiving;
        }

        _broken.Dispose();
        _slots.Dispose();

        // The receiving side is done, so the tally is this thread's alone again.
        _tally.RanDry = ranDry;
        if (_failure is not null)
        {
            _tally.Fail("stream", _failure);
        }

        // Loans whose disbursement's result never came: settled by reading the loan after the run.
        _tally.Uncertain.AddRange(_unanswered.Values.Select(loan => loan.Order));
        return _tally;
    }

    /// <returns>Whether the prepared loans ran out before the window closed.</returns>
    private async Task<bool> SendAsync(
        IClientStreamWriter<StreamBankDecisionsRequest> decisions, Queue<LoanOrder> prepared, DateOnly disbursedOn, long start, TimeSpan window)
    {
        var ranDry = false;
        try
        {
            for (long n = 0; Stopwatch.GetElapsedTime(start) < window; n++)
            {
                if (!prepared.TryDequeue(out var order))
                {
                    ranDry = true;
                    break;
                }

                // An approval and its disbursement hold a slot each until their results come back.
                await _slots.WaitAsync(_broken.Token);
                await _slots.WaitAsync(_broken.Token);
                _unanswered[n] = new StreamedLoan(order, Stopwatch.GetTimestamp());
                await decisions.WriteAsync(new StreamBankDecisionsRequest { Sequence = 2 * n, Approve = LoanRequests.Approval(order) });
                await decisions.WriteAsync(
                    new StreamBankDecisionsRequest { Sequence = (2 * n) + 1, Disburse = LoanRequests.Disbursement(order, disbursedOn) });
            }

            await decisions.CompleteAsync();
        }
        catch (Exception exception)
        {
            await BreakAsync(exception);
        }

        return ranDry;
    }

    private async Task ReceiveAsync(IAsyncStreamReader<StreamBankDecisionsResponse> results, long start, TimeSpan window)
    {
        try
        {
            while (await results.MoveNext(_broken.Token))
            {
                Take(results.Current, Stopwatch.GetTimestamp(), start, window);
            }

            // The server ends the call only after this side closed, with every decision answered; if it
            // did not, the sending side must not wait for slots that no result will free.
            if (!_unanswered.IsEmpty)
            {
                await BreakAsync(new InvalidOperationException($"The stream ended with {_unanswered.Count} loans' results missing."));
            }
        }
        catch (Exception exception)
        {
            await BreakAsync(exception);
        }
    }

    private void Take(StreamBankDecisionsResponse result, long answered, long start, TimeSpan window)
    {
        _slots.Release();
        var loan = _unanswered[result.Sequence / 2];
        if (result.Sequence % 2 == 0)
        {
            loan.ApprovalAnswered = answered;
            if (result.ResultCase == ResultCase.Error)
            {
                // Its disbursement, already sent, will be refused too.
                _tally.Fail("approve", Describe(result.Error));
            }
            else
            {
                _tally.Approve.Add(Stopwatch.GetElapsedTime(loan.ApprovalSent, answered));
            }

            return;
        }

        _unanswered.TryRemove(result.Sequence / 2, out _);
        if (result.ResultCase == ResultCase.Error)
        {
            // A refused disbursement changed nothing, but code 13 may have: reading the loan settles both.
            _tally.Fail("disburse", Describe(result.Error));
            _tally.Uncertain.Add(loan.Order);
            return;
        }

        _tally.Disburse.Add(Stopwatch.GetElapsedTime(loan.ApprovalAnswered, answered));
        _tally.ApproveDisburse.Add(Stopwatch.GetElapsedTime(loan.ApprovalSent, answered));
        _tally.Disbursed.Add(loan.Order);
        _tally.Acknowledged(Stopwatch.GetElapsedTime(start, answered), window);
    }

    /// <summary>Records the first failure of either side and cancels the call; a later one is that cancellation's echo.</summary>
    private async Task BreakAsync(Exception failure)
    {
        if (Interlocked.CompareExchange(ref _failure, failure, null) is null)
        {
            await _broken.CancelAsync();
        }
    }

    /// <summary>"FailedPrecondition VILLAGE_QUOTA_EXCEEDED", or the message when the error has no reason.</summary>
    private static string Describe(BankDecisionError error) =>
        $"{(StatusCode)error.Code} {(error.Reason.Length > 0 ? error.Reason : error.Message)}";

    /// <summary>A loan whose decisions are sent and whose disbursement's result has not come back.</summary>
    private sealed class StreamedLoan(LoanOrder order, long approvalSent)
    {
        public LoanOrder Order { get; } = order;

        public long ApprovalSent { get; } = approvalSent;

        public long ApprovalAnswered { get; set; }
    }
}
