using System.Globalization;

namespace Microfinance.Bench.DayClose;

/// <summary><c>dayclose</c>: the measurement, then the summary beside the SQL peer's day-close.</summary>
public static class DayCloseCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        DayCloseOptions options;
        try
        {
            options = DayCloseOptions.Parse(args);
        }
        catch (FormatException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(DayCloseOptions.Usage);
            return 2;
        }

        var outcome = await new DayCloseBenchmark(options).RunAsync(ct);
        var busy = outcome.Busy;
        Console.WriteLine();
        Console.WriteLine("=== summary ===");
        var failed = outcome.Consistent ? "" : "  [CONSISTENCY CHECK FAILED]";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours: day-close of {busy.Day:yyyy-MM-dd} over {options.Loans:N0} active loans: {busy.Wall.TotalMilliseconds:F0} ms, {busy.Visited:N0} loans visited, {busy.LoansPerSecond:F0} loans/s{failed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours: day-close of {outcome.Quiet.Day:yyyy-MM-dd} with no events: {outcome.Quiet.Wall.TotalMilliseconds:F0} ms, {outcome.Quiet.Visited} loans visited"));
        if (options.PeerMilliseconds is { } peer)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sql-peer day-close ms: {peer:F0} (500,000 loans, 3% unpaid, set-based aging and tallies in one transaction, same server)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio ours/peer (time): {busy.Wall.TotalMilliseconds / peer:F2}"));
        }
        else
        {
            Console.WriteLine("sql-peer: not given (bench/run-dayclose.sh measures it in the same run and passes --peer-ms N)");
        }

        return outcome.Consistent ? 0 : 1;
    }
}
