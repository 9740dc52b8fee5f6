using System.Runtime.ExceptionServices;
using Grpc.Core;
using Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Loans;

/// <summary>
/// One bank's stream of decisions (StreamBankDecisions). Decisions on different loans run side by
/// side, a loan's decisions one after another in the order sent, and each result is written as soon
/// as its decision is done. At most <c>maxInFlight</c> decisions are read and not yet answered:
/// at the bound nothing more is read, so a fast sender waits instead of filling the silo's memory.
/// </summary>
/// <remarks>
/// The stream ends once the client has closed its side and every result is written. When the client
/// cancels, nothing more is read, and the decisions already read still run to the end — a loan
/// grain applies a decision fully or not at all — but their results are dropped.
/// </remarks>
public sealed class BankDecisionStream(
    IAsyncStreamReader<StreamBankDecisionsRequest> requests,
    IServerStreamWriter<StreamBankDecisionsResponse> responses,
    Func<StreamBankDecisionsRequest, Task<StreamBankDecisionsResponse>> decide,
    CancellationToken cancellation,
    int maxInFlight = BankDecisionStream.MaxInFlight)
{
    /// <summary>Decisions read and not yet answered, at most (the proto of StreamBankDecisions states it).</summary>
    public const int MaxInFlight = 64;

    // A decision holds its slot from before it is read until its result is written.
    private readonly SemaphoreSlim _slots = new(maxInFlight);

    // gRPC allows one write at a time on a stream.
    private readonly SemaphoreSlim _writing = new(1);

    // The completion of the last decision read for each loan with one unanswered; the next decision on
    // the loan waits for it. An entry leaves with its loan's last decision, so the map stays as small
    // as the decisions in flight however long the stream.
    private readonly Dictionary<string, Task> _lastOfLoan = new(StringComparer.Ordinal);

    // Stops reading when the client cancels or a result cannot be written.
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

    private Exception? _failure;

    /// <summary>Reads and answers decisions until the client closes its side or cancels.</summary>
    public async Task RunAsync()
    {
        Exception? readFailure = null;
        try
        {
            await ReadAsync();
        }
        catch (Exception failure)
        {
            // Read no more, but let the decisions already read finish first.
            readFailure = failure;
        }

        // Every decision holds a slot until it is answered, so all the slots free means all are done.
        for (var i = 0; i < maxInFlight; i++)
        {
            await _slots.WaitAsync(CancellationToken.None);
        }

        _stop.Dispose();
        if (cancellation.IsCancellationRequested)
        {
            // The client went away (or its deadline passed): there is nobody to report a failure to.
            return;
        }

        // A result that could not be written stopped the reading, so it is the failure to report.
        if ((_failure ?? readFailure) is { } streamFailure)
        {
            ExceptionDispatchInfo.Throw(streamFailure);
        }
    }

    private async Task ReadAsync()
    {
        while (true)
        {
            await _slots.WaitAsync(_stop.Token);
            bool read;
            try
            {
                read = await requests.MoveNext(_stop.Token);
            }
            catch
            {
                _slots.Release();
                throw;
            }

            if (!read)
            {
                _slots.Release();
                return;
            }

            Start(requests.Current);
        }
    }

    private void Start(StreamBankDecisionsRequest decision)
    {
        // The loan grain's key is the trimmed loan id, so " LN-1" and "LN-1" are one loan here too.
        var loan = BankDecisionRunner.Identify(decision).LoanId.Trim();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? previous;
        lock (_lastOfLoan)
        {
            previous = _lastOfLoan.GetValueOrDefault(loan);
            _lastOfLoan[loan] = done.Task;
        }

        _ = AnswerAsync(decision, loan, previous, done);
    }

    private async Task AnswerAsync(StreamBankDecisionsRequest decision, string loan, Task? previous, TaskCompletionSource done)
    {
        try
        {
            if (previous is not null)
            {
                await previous;
            }

            var result = await decide(decision);
            if (!_stop.IsCancellationRequested)
            {
                await WriteAsync(result);
            }
        }
        catch (Exception failure)
        {
            // A refused decision is a result, not an exception, so this is a result that could not be
            // written: read no more, and fail the stream once the decisions already read are done.
            Interlocked.CompareExchange(ref _failure, failure, null);
            _stop.Cancel();
        }
        finally
        {
            lock (_lastOfLoan)
            {
                if (_lastOfLoan.TryGetValue(loan, out var last) && last == done.Task)
                {
                    _lastOfLoan.Remove(loan);
                }
            }

            done.SetResult();
            _slots.Release();
        }
    }

    private async Task WriteAsync(StreamBankDecisionsResponse result)
    {
        await _writing.WaitAsync(CancellationToken.None);
        try
        {
            await responses.WriteAsync(result);
        }
        finally
        {
            _writing.Release();
        }
    }
}
