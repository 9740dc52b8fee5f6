using Grpc.Core;
using Microfinance.Bench.Origination;
using Microfinance.Domain.Errors;

namespace Microfinance.Bench.Measurement;

/// <summary>What one worker saw in one timed phase; merged into a <see cref="PhaseResult"/>.</summary>
public sealed class WorkerTally
{
    public Latencies Full { get; } = new();

    public Latencies Apply { get; } = new();

    public Latencies Review { get; } = new();

    public Latencies Approve { get; } = new();

    public Latencies Disburse { get; } = new();

    public Latencies ApproveDisburse { get; } = new();

    /// <summary>Loans whose disbursement the platform acknowledged, in the window or after it.</summary>
    public List<LoanOrder> Disbursed { get; } = [];

    /// <summary>Loans whose disbursement call failed: settled by reading the loan after the run.</summary>
    public List<LoanOrder> Uncertain { get; } = [];

    /// <summary>Disbursements acknowledged within the timed window.</summary>
    public int InWindow { get; private set; }

    /// <summary>When, after the window opened, the last disbursement within it was acknowledged.</summary>
    public TimeSpan LastInWindow { get; private set; }

    public Dictionary<string, int> Errors { get; } = [];

    /// <summary>Whether the worker ran out of prepared loans before the window closed.</summary>
    public bool RanDry { get; set; }

    /// <summary>Counts a disbursement acknowledged <paramref name="at"/> after the window opened, if within it.</summary>
    public void Acknowledged(TimeSpan at, TimeSpan window)
    {
        if (at <= window)
        {
            InWindow++;
            LastInWindow = at;
        }
    }

    public void Fail(string step, Exception exception) => Fail(step, exception switch
    {
        DomainException domain => domain.Reason,
        RpcException rpc => $"{rpc.StatusCode} {rpc.Status.Detail}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    });

    /// <summary>Counts a failure of <paramref name="step"/> under <paramref name="reason"/> (e.g. a refusal in a bank's stream).</summary>
    public void Fail(string step, string reason)
    {
        var key = $"{step}: {(reason.Length > 120 ? reason[..120] : reason)}";
        Errors[key] = Errors.GetValueOrDefault(key) + 1;
    }
}
