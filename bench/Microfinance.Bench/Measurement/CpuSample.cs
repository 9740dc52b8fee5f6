using System.Diagnostics;

namespace Microfinance.Bench.Measurement;

/// <summary>
/// CPU time at one moment: this process's (silos and workers), PostgreSQL's (its server
/// processes) and the whole machine's, from <c>/proc</c>. The differences say who used the cores
/// and whether anything else on the machine competed with the run.
/// </summary>
public sealed record CpuSample(TimeSpan Process, long PostgresTicks, long MachineBusyTicks, long MachineTotalTicks, long WallTicks)
{
    // Linux reports /proc times in USER_HZ, 100 per second on every platform .NET runs on.
    private const double TicksPerSecond = 100;

    public static CpuSample Take()
    {
        var (busy, total) = ReadMachine();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuSample(self.TotalProcessorTime, ReadPostgres(), busy, total, Stopwatch.GetTimestamp());
    }

    /// <summary>"this process 0.9, PostgreSQL 0.8, other 0.1 of 2 cores (machine 95% busy)" since <paramref name="before"/>.</summary>
    public string DescribeSince(CpuSample before)
    {
        var wall = Stopwatch.GetElapsedTime(before.WallTicks, WallTicks).TotalSeconds;
        var self = (Process - before.Process).TotalSeconds / wall;
        var postgres = (PostgresTicks - before.PostgresTicks) / TicksPerSecond / wall;
        var total = MachineTotalTicks - before.MachineTotalTicks;
        if (total <= 0)
        {
            return $"this process {self:F2} of {Environment.ProcessorCount} cores";
        }

        var busy = (double)(MachineBusyTicks - before.MachineBusyTicks) / total;
        var other = Math.Max(0, busy * Environment.ProcessorCount - self - postgres);
        return $"this process {self:F2}, PostgreSQL {postgres:F2}, anything else {other:F2} of {Environment.ProcessorCount} cores "
            + $"(machine {100 * busy:F0}% busy)";
    }

    private static (long Busy, long Total) ReadMachine()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(long.Parse).ToArray();
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return (total - idle, total);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }

    private static long ReadPostgres()
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(directory)[0]))
            {
                continue;
            }

            try
            {
                // pid (comm) state ppid … utime stime: utime and stime are fields 14 and 15.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile.
            }
        }

        return ticks;
    }
}
