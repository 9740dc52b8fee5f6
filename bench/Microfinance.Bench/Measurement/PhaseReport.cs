using System.Globalization;

namespace Microfinance.Bench.Measurement;

/// <summary>The lines printed for one timed phase: its rate, latencies, writes, commits, WAL, CPU, storage batches and errors.</summary>
public static class PhaseReport
{
    /// <param name="withSteps">Whether the phase ran full originations, so that apply and the reviews were timed too.</param>
    public static void Print(PhaseResult phase, bool withSteps)
    {
        var completed = phase.Disbursed.Count;
        Line("disbursed loans", $"{phase.InWindow:N0} in the window ({completed:N0} incl. those in flight at its end)");
        Line("disbursements/s", phase.PerSecond.ToString("F1", CultureInfo.InvariantCulture));
        if (withSteps)
        {
            Line("latency, full origination", phase.Full.Summary());
        }

        Line("latency, approve+disburse", phase.ApproveDisburse.Summary());
        // The call's own time; in a bank's stream, from the approval's result to the disbursement's.
        Line("latency, disbursement", phase.Disburse.Summary());
        if (withSteps)
        {
            Line("  apply", phase.Apply.Summary());
            Line("  each review", phase.Review.Summary());
        }

        Line("  approve", phase.Approve.Summary());

        var writes = phase.After.WritesSince(phase.Before);
        var total = phase.After.Writes - phase.Before.Writes;
        var perLoan = completed > 0 ? (double)total / completed : double.NaN;
        var byState = string.Join(", ", writes.Where(entry => entry.Value > 0).OrderByDescending(entry => entry.Value)
            .Select(entry => $"{entry.Key} {(double)entry.Value / Math.Max(1, completed):F2}"));
        Line("grain-state writes/loan", $"{perLoan:F2} ({byState}); {total / phase.Measured.TotalSeconds:F0} writes/s");
        var commits = phase.After.Commits - phase.Before.Commits;
        Line("PostgreSQL commits/loan", $"{(double)commits / Math.Max(1, completed):F2} (xact_commit of the database: writes, reads, membership)");
        var syncs = phase.After.WalSyncs - phase.Before.WalSyncs;
        var walBytes = phase.After.WalBytes - phase.Before.WalBytes;
        Line("WAL (whole server)", $"{syncs / phase.Measured.TotalSeconds:F0} flushes/s, {(double)walBytes / Math.Max(1, completed) / 1024:F1} KiB/loan");
        Line("CPU", phase.Cpu);
        foreach (var line in phase.Storage ?? [])
        {
            Line("grain storage", line);
        }
        if (phase.HouseholdsRegisteredDuring > 0)
        {
            Line("note", $"{phase.HouseholdsRegisteredDuring} households were registered during the window (pass a larger --households)");
        }

        if (phase.ClientsRanDry > 0)
        {
            Line("note", $"{phase.ClientsRanDry} of {phase.Workers} workers ran out of prepared loans before the window closed; "
                + $"rate over {phase.Measured.TotalSeconds:F1} s");
        }

        var errors = phase.Errors.Sum(error => error.Value);
        Line("errors", errors == 0 ? "0" : $"{errors}");
        foreach (var (error, count) in phase.Errors.OrderByDescending(error => error.Value).Take(10))
        {
            Line("", $"{count} × {error}");
        }
    }

    private static void Line(string label, string value) => Console.WriteLine($"  {label,-28} {value}");
}
