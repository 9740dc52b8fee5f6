using System.Diagnostics;
using Microfinance.Bench.Measurement;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Loans;

namespace Microfinance.Bench.Origination;

/// <summary>
/// What one worker does with its <see cref="IOriginator"/>: one step at a time, each awaited until
/// the platform acknowledges it — full originations or approve+disburse of prepared loans, timed,
/// and the untimed preparation of loans to county-reviewed.
/// </summary>
public static class OriginatorWorker
{
    private static readonly LoanParty[] Reviewers = [LoanParty.Village, LoanParty.Township, LoanParty.County];

    /// <summary>Apply → village, township and county reviews → approve → disburse, loan after loan until the window closes.</summary>
    public static Task<WorkerTally> FullOriginationsAsync(
        int seed, int client, IOriginator originator, HouseholdPool pool, string prefix, long start, TimeSpan window) =>
        FullOriginationsAsync(seed, client, originator, pool, prefix, start, window, () => Stopwatch.GetElapsedTime(start) < window);

    /// <summary>Full originations, loan after loan, until <paramref name="stop"/> is cancelled: a load with no set end.</summary>
    public static Task<WorkerTally> FullOriginationsAsync(
        int seed, int client, IOriginator originator, HouseholdPool pool, string prefix, CancellationToken stop) =>
        FullOriginationsAsync(seed, client, originator, pool, prefix, Stopwatch.GetTimestamp(), TimeSpan.MaxValue, () => !stop.IsCancellationRequested);

    private static async Task<WorkerTally> FullOriginationsAsync(
        int seed, int client, IOriginator originator, HouseholdPool pool, string prefix, long start, TimeSpan window, Func<bool> open)
    {
        var tally = new WorkerTally();
        var random = new Random(seed + (client * 7919) + 1);
        for (var sequence = 0; open(); sequence++)
        {
            var order = await LoanOrder.DrawAsync(pool, random, $"{prefix}-{client:000}-{sequence:000000}");
            var step = "apply";
            try
            {
                var begin = Stopwatch.GetTimestamp();
                await originator.ApplyAsync(order);
                tally.Apply.Add(Stopwatch.GetElapsedTime(begin));
                step = "review";
                foreach (var party in Reviewers)
                {
                    var reviewed = Stopwatch.GetTimestamp();
                    await originator.ReviewAsync(order, party);
                    tally.Review.Add(Stopwatch.GetElapsedTime(reviewed));
                }

                await ApproveAndDisburseAsync(originator, order, tally, start, window, begin);
            }
            catch (Exception exception)
            {
                tally.Fail(step, exception);
            }
        }

        return tally;
    }

    /// <summary>Approve → disburse of the prepared loans, one after another, until the window closes or they run out.</summary>
    public static async Task<WorkerTally> ApproveAndDisburseAsync(
        IOriginator originator, Queue<LoanOrder> prepared, long start, TimeSpan window)
    {
        var tally = new WorkerTally();
        while (Stopwatch.GetElapsedTime(start) < window)
        {
            if (!prepared.TryDequeue(out var order))
            {
                tally.RanDry = true;
                break;
            }

            var begin = Stopwatch.GetTimestamp();
            await ApproveAndDisburseAsync(originator, order, tally, start, window, begin);
        }

        return tally;
    }

    /// <summary><paramref name="count"/> loans applied for and reviewed up to the county, not timed.</summary>
    public static async Task<Queue<LoanOrder>> PrepareAsync(
        int seed, int client, IOriginator originator, HouseholdPool pool, string prefix, int count)
    {
        var random = new Random(seed + (client * 7919));
        var prepared = new Queue<LoanOrder>();
        for (var sequence = 0; sequence < count; sequence++)
        {
            var order = await LoanOrder.DrawAsync(pool, random, $"{prefix}-{client:000}-{sequence:000000}");
            await originator.ApplyAsync(order);
            foreach (var party in Reviewers)
            {
                await originator.ReviewAsync(order, party);
            }

            prepared.Enqueue(order);
        }

        return prepared;
    }

    /// <summary>The last two steps, timed; errors are tallied, a failed disbursement is left to be read back.</summary>
    private static async Task ApproveAndDisburseAsync(
        IOriginator originator, LoanOrder order, WorkerTally tally, long start, TimeSpan window, long begin)
    {
        var approving = Stopwatch.GetTimestamp();
        try
        {
            await originator.ApproveAsync(order);
        }
        catch (Exception exception)
        {
            tally.Fail("approve", exception);
            return;
        }

        var disbursing = Stopwatch.GetTimestamp();
        tally.Approve.Add(Stopwatch.GetElapsedTime(approving, disbursing));
        try
        {
            await originator.RecordDisbursementAsync(order, BusinessDate.Today());
        }
        catch (Exception exception)
        {
            tally.Fail("disburse", exception);
            tally.Uncertain.Add(order);
            return;
        }

        var done = Stopwatch.GetTimestamp();
        tally.Disburse.Add(Stopwatch.GetElapsedTime(disbursing, done));
        tally.ApproveDisburse.Add(Stopwatch.GetElapsedTime(approving, done));
        tally.Full.Add(Stopwatch.GetElapsedTime(begin, done));
        tally.Disbursed.Add(order);
        tally.Acknowledged(Stopwatch.GetElapsedTime(start, done), window);
    }
}
